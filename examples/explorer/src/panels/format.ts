/**
 * How the panels write numbers, dates and people: two decimals for measures,
 * ISO dates with a relative age, and a sign on balances.
 */
/** A measure with two decimals (− for a missing value). */
export function num(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  return value.toFixed(digits);
}

/** A balance with its sign: "+1.25", "−0.50", "0.00". */
export function signed(value: number): string {
  const t = Math.abs(value).toFixed(2);
  return value > 0.005 ? `+${t}` : value < -0.005 ? `−${t}` : "0.00";
}

/** "12 days ago", "today", or the empty string. */
export function ago(days: number | null | undefined): string {
  if (days === null || days === undefined) return "";
  if (days <= 0) return "on the reference day";
  if (days < 60) return `${days} ${days === 1 ? "day" : "days"} before`;
  const months = Math.round(days / 30.44);
  return months < 24 ? `${months} months before` : `${(days / 365.25).toFixed(1)} years before`;
}

/** The word for a tie strength in (0, 1]. */
export function strengthWord(s: number): string {
  return s >= 0.5 ? "strong" : s >= 0.2 ? "medium" : s > 0 ? "weak" : "none";
}

