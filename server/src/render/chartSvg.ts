import { escapeAttribute, escapeText } from 'entities';
import { percent, type ChartBlock } from '../core/api';

// The figures chart as SVG, drawn from the report model by hand: a few rectangles and labels need no charting
// library. It carries no style: every colour and font comes from the report's stylesheet by class (`.sqs-chart
// .bar`, …), so the preview's Content-Security-Policy (no inline style) holds and the chart follows the editor's
// theme there and prints in fixed colours elsewhere. Every text is escaped.

/** The chart's geometry, in SVG user units (a pixel at 100%). */
export const chartLayout = {
  width: 640,
  /** The question labels' column. */
  labelWidth: 120,
  /** The bars' full length: 100%. */
  barArea: 440,
  rowHeight: 20,
  barHeight: 13,
  top: 6,
  /** Below the bars: the percentage axis. */
  axis: 22,
} as const;

/** Where the bars start. */
const x0 = chartLayout.labelWidth;

export function chartSvg(chart: ChartBlock): string {
  const { width, barArea, rowHeight, barHeight, top, axis } = chartLayout;
  const height = top + chart.bars.length * rowHeight + axis;
  const titleId = `${chart.id}-title`;
  const bottom = top + chart.bars.length * rowHeight;
  const grid = [0, 0.25, 0.5, 0.75, 1].map((t) => {
    const x = round(x0 + t * barArea);
    return `<line class="grid" x1="${x}" y1="${top}" x2="${x}" y2="${bottom}"/><text class="axis" x="${x}" y="${bottom + 15}" text-anchor="middle">${t * 100}%</text>`;
  });
  const rows = chart.bars.map((b, i) => {
    const y = top + i * rowHeight;
    const barY = round(y + (rowHeight - barHeight) / 2);
    const w = round(b.share * barArea);
    const text = `${b.label}: ${b.sufficient} of ${b.relevant} sufficient (${percent(b.share)})${b.mean === undefined ? '' : `; mean elsewhere ${percent(b.mean)}`}`;
    const mean =
      b.mean === undefined
        ? ''
        : `<line class="mean" x1="${round(x0 + b.mean * barArea)}" y1="${round(y + 2)}" x2="${round(x0 + b.mean * barArea)}" y2="${round(y + rowHeight - 2)}"/>`;
    return (
      `<g class="row" data-question="${escapeAttribute(b.questionId)}"><title>${escapeText(text)}</title>` +
      `<text class="label" x="${x0 - 8}" y="${round(y + rowHeight / 2 + 4)}" text-anchor="end">${escapeText(b.label)}</text>` +
      `<rect class="bar" x="${x0}" y="${barY}" width="${w}" height="${barHeight}"/>${mean}` +
      `<text class="value" x="${round(x0 + w + 4)}" y="${round(y + rowHeight / 2 + 4)}">${percent(b.share)}</text></g>`
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="sqs-chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" ` +
    `aria-labelledby="${escapeAttribute(titleId)}" aria-describedby="${escapeAttribute(chart.describedBy)}">` +
    `<title id="${escapeAttribute(titleId)}">${escapeText(chart.title)}</title>${grid.join('')}${rows.join('')}</svg>`
  );
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
