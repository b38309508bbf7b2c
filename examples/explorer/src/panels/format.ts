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

/**
 * How long before a reference day: "12 days before 2026-09-30", "on 2026-09-30".
 *
 * @example ago(45, "2026-09-30") // "45 days before 2026-09-30"
 */
export function ago(days: number, reference: string): string {
  if (days <= 0) return `on ${reference}`;
  if (days < 60) return `${days} ${days === 1 ? "day" : "days"} before ${reference}`;
  const months = Math.round(days / 30.44);
  return months < 24 ? `${months} months before ${reference}` : `${(days / 365.25).toFixed(1)} years before ${reference}`;
}

/** The word for a tie strength in (0, 1]. */
export function strengthWord(s: number): string {
  return s >= 0.5 ? "strong" : s >= 0.2 ? "medium" : s > 0 ? "weak" : "none";
}

