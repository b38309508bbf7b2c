/**
 * Token gestures lose value when repeated: the first coffee or lunch you buy
 * someone counts in full, the next ones within the window less and less.
 */

/**
 * Value a gesture counts for, given how many gestures the same giver made to
 * the same receiver in the `gestureWindowDays` days before it (the day itself
 * included, earlier entries first):
 *
 * `v_eff = v · d^k`, with `v` the recorded value, `d` the gesture decay
 * (default 0.5) and `k` the number of those earlier gestures.
 *
 * So with the defaults (window 90 days, d = 0.5) coffees bought for the same
 * person on days 0, 30, 60 and 200 count 1, 0.5, 0.25 and 1: by day 200 the
 * window [110, 200] holds none of the earlier ones. A weekly coffee settles at
 * 0.5^12 ≈ 0.0002 of a coffee. Reciprocal gestures are not repeats: each
 * direction has its own window. This is tiegraph's own rule (no reference
 * defines one): a token of appreciation signals goodwill, and buying the same
 * person coffee every week does not build a debt the size of a favour.
 *
 * @example gestureValue(1, 2, 0.5) // 0.25: the third coffee within the window
 */
export function gestureValue(value: number, earlierInWindow: number, decay: number): number {
  return earlierInWindow === 0 ? value : value * Math.pow(decay, earlierInWindow);
}
