/** Issue 13's targets, on a 2-core machine. */
export const TARGETS = {
  readyRatioMax: 0.2,
  sequentialRatioMin: 3,
  concurrentRatioMin: 5,
  helpMsMax: 250,
  npmStartMsMax: 3_000,
  inProcessMedianRunMsMax: 5_000,
  maxRssMiB: 400,
};
