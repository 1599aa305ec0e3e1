// A horizontal bar chart as a standalone SVG: one bar per row, grouped
// under headings, with the value printed at the bar's end. Written here
// rather than taken from a charting library: the report needs only bars,
// and a few dozen lines keep the benchmark free of dependencies.

export interface Bar {
  label: string;
  value: number;
  /** Shown at the bar's end (defaults to the value). */
  text?: string;
  group?: string;
}

const ROW = 22;
const LABEL_WIDTH = 230;
const BAR_WIDTH = 420;
const TEXT_WIDTH = 110;
const COLORS = ["#3b6ea8", "#d0803a", "#4d9a5b", "#a04a8e", "#777777"];

const escape = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function barChart(title: string, unit: string, bars: readonly Bar[]): string {
  const max = Math.max(...bars.map((b) => b.value), 1e-9);
  const groups = [...new Set(bars.map((b) => b.group ?? ""))];
  const lines: string[] = [];
  let y = 40;
  groups.forEach((group, gi) => {
    if (group !== "") {
      lines.push(`<text x="8" y="${y + 14}" font-weight="bold">${escape(group)}</text>`);
      y += ROW;
    }
    for (const bar of bars.filter((b) => (b.group ?? "") === group)) {
      const width = Math.max(1, (bar.value / max) * BAR_WIDTH);
      lines.push(`<text x="${LABEL_WIDTH - 8}" y="${y + 15}" text-anchor="end">${escape(bar.label)}</text>`);
      lines.push(
        `<rect x="${LABEL_WIDTH}" y="${y + 3}" width="${width.toFixed(1)}" height="${ROW - 6}" fill="${COLORS[gi % COLORS.length]}"/>`,
      );
      lines.push(`<text x="${LABEL_WIDTH + width + 6}" y="${y + 15}">${escape(bar.text ?? String(bar.value))}</text>`);
      y += ROW;
    }
    y += 6;
  });
  const width = LABEL_WIDTH + BAR_WIDTH + TEXT_WIDTH;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y + 10}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="8" y="20" font-size="14" font-weight="bold">${escape(title)}</text>`,
    `<text x="${width - 8}" y="20" text-anchor="end" fill="#555">${escape(unit)}</text>`,
    ...lines,
    `</svg>`,
    "",
  ].join("\n");
}
