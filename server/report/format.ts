/** Numbers, shares and dates in the report's language. */
export interface Formatter {
  number(x: number, digits?: number): string;
  share(x: number): string;
  date(iso: string | Date): string;
  signed(x: number, digits?: number): string;
}

export function formatter(locale: string): Formatter {
  const numbers = new Map<number, Intl.NumberFormat>();
  const numberFormat = (digits: number) => {
    let format = numbers.get(digits);
    if (!format) numbers.set(digits, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 })));
    return format;
  };
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const dates = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  return {
    number: (x, digits = 0) => numberFormat(digits).format(x),
    share: (x) => percent.format(x),
    date: (iso) => dates.format(typeof iso === "string" ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : iso),
    signed: (x, digits = 0) => (x > 0 ? "+" : "") + numberFormat(digits).format(x),
  };
}
