export interface User {
  id: string;
  name: string;
  email: string;
  role: string;
  title?: string;
  avatarUrl?: string;
}
