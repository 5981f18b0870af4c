import { act, renderHook } from '@testing-library/react';
import { useDebounce } from '../useDebounce';

beforeEach(() => {
  jest.useFakeTimers();
});

afterEach(() => {
  jest.useRealTimers();
});

test('returns the initial value straight away', () => {
  const { result } = renderHook(() => useDebounce('ada', 300));
  expect(result.current).toBe('ada');
});

test('updates only after the delay has passed', () => {
  const { result, rerender } = renderHook(({ value }) => useDebounce(value, 300), {
    initialProps: { value: 'a' },
  });

  rerender({ value: 'ad' });
  act(() => {
    jest.advanceTimersByTime(299);
  });
  expect(result.current).toBe('a');

  act(() => {
    jest.advanceTimersByTime(1);
  });
  expect(result.current).toBe('ad');
});
