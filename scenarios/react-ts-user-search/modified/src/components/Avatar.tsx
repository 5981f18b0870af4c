export interface AvatarProps {
  name: string;
  src?: string;
  size?: number;
}

function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0].toUpperCase())
    .join('');
}

export function Avatar({ name, src, size = 40 }: AvatarProps) {
  if (src) {
    return <img className="avatar" src={src} alt="" width={size} height={size} />;
  }
  return (
    <span className="avatar avatar--initials" aria-hidden="true" style={{ width: size, height: size }}>
      {initialsOf(name)}
    </span>
  );
}
