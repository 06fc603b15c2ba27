import { durationOption, parseDuration } from './duration';

test('durations take a unit: s, m, h or d', () => {
  expect(['0s', '45s', '30m', '2h', '1d'].map(parseDuration)).toEqual([0, 45_000, 1_800_000, 7_200_000, 86_400_000]);
});

test('a bare number is refused, saying it needs its unit', () => {
  expect(parseDuration('0')).toBeUndefined();
  expect(() => durationOption('--timeout', '30')).toThrow('--timeout 30 is not a duration (a number needs its unit). Expected: a whole number with a unit, e.g. 0s, 30m, 2h or 1d.');
  expect(() => durationOption('--timeout', '0s', { min: 1000 })).toThrow('--timeout 0s is too short. Expected: at least 1s.');
});
