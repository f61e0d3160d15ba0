// Labels for chart buckets ("2026-03-10T14:00:00Z"), in UTC like the rest of the dashboard.

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function bucketLabel(bucket: string, unit: "hour" | "day"): string {
  const d = new Date(bucket);
  const day = `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
  if (unit === "day") return day;
  const hour = `${String(d.getUTCHours()).padStart(2, "0")}:00`;
  return d.getUTCHours() === 0 ? `${day} ${hour}` : hour;
}
