/** One split of a time series: train on items [0, testStart), test on [testStart, testEnd). */
export interface TimeSplit {
  testStart: number;
  testEnd: number;
}

/** srs-benchmark's number of splits (scikit-learn's TimeSeriesSplit default). */
export const SPLITS = 5;

/**
 * scikit-learn's TimeSeriesSplit over `count` items in time order: the items
 * cut into `splits` + 1 parts, the last `splits` of them `floor(count /
 * (splits + 1))` long (the first takes the rest); split k tests on part k + 1
 * and trains on everything before it, so the first part is trained on and
 * never tested. Empty when there are fewer items than parts.
 */
export function timeSeriesSplits(count: number, splits: number = SPLITS): TimeSplit[] {
  const size = Math.floor(count / (splits + 1));
  if (size === 0) return [];
  const out: TimeSplit[] = [];
  for (let start = count - splits * size; start < count; start += size) out.push({ testStart: start, testEnd: start + size });
  return out;
}
