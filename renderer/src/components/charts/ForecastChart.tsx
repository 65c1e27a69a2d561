import { Box } from '@mui/material';
import { alpha, useTheme } from '@mui/material/styles';
import { useEffect, useMemo, useState } from 'react';
import type { ForecastPoint, ProductChart } from '../../../../core/contract/commands/product-detail';
import { useApp } from '../../AppContext';
import { Plot } from './Plot';

const DAY_MS = 86_400_000;

/** The middle of a period, where its point is drawn (weeks are drawn at their centre). */
function mid(iso: string, periodDays: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + ((periodDays - 1) / 2) * DAY_MS).toISOString().slice(0, 10);
}

function endOf(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

type Trace = Record<string, unknown>;

/** Plotly wants the decimal mark then the thousands mark, e.g. '.,' for en-GB, ',.' for de-DE. */
function plotlySeparators(locale: string): string {
  const marks = (1234.5).toLocaleString(locale).replace(/\d/g, '');
  const decimal = marks.at(-1) ?? '.';
  const group = marks.length >= 2 ? marks[0]! : ' ';
  return `${decimal}${group}`;
}

/** A filled band between two quantile series (lower drawn first, upper filled to it). */
function band(points: ForecastPoint[], periodDays: number, lower: keyof ForecastPoint, upper: keyof ForecastPoint, name: string, color: string, group: string): Trace[] {
  const x = points.map((p) => mid(p.start, periodDays));
  return [
    { x, y: points.map((p) => p[lower]), type: 'scatter', mode: 'lines', line: { width: 0, shape: 'spline' }, hoverinfo: 'skip', showlegend: false, legendgroup: group },
    { x, y: points.map((p) => p[upper]), type: 'scatter', mode: 'lines', line: { width: 0, shape: 'spline' }, fill: 'tonexty', fillcolor: color, name, legendgroup: group, hoverinfo: 'skip' },
  ];
}

/**
 * History, forecast fan (median with 50/80/90% bands), the owner's override, events and
 * holidays shaded, stockout periods marked, unusual weeks ringed.
 */
export function ForecastChart({ chart, height = 380 }: { chart: ProductChart; height?: number }) {
  const theme = useTheme();
  // Plotly is large; start it once the page's figures and controls are on screen and the
  // browser is idle, so loading it does not hold up the rest of the page.
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (!('requestIdleCallback' in window)) {
      const timer = setTimeout(() => setIdle(true), 200);
      return () => clearTimeout(timer);
    }
    const handle = window.requestIdleCallback(() => setIdle(true), { timeout: 1500 });
    return () => window.cancelIdleCallback(handle);
  }, []);
  const locale = useApp().settings?.locale ?? 'en-GB';
  const figure = useMemo(() => {
    const p = theme.palette;
    const pd = chart.periodDays;
    const traces: Trace[] = [];
    const f = chart.forecast;
    if (f.length > 0) {
      traces.push(...band(f, pd, 'q05', 'q95', '90% range', alpha(p.primary.main, 0.12), 'b90'));
      traces.push(...band(f, pd, 'q10', 'q90', '80% range', alpha(p.primary.main, 0.18), 'b80'));
      traces.push(...band(f, pd, 'q25', 'q75', '50% range', alpha(p.primary.main, 0.26), 'b50'));
      traces.push({
        x: f.map((q) => mid(q.start, pd)),
        y: f.map((q) => q.q50),
        type: 'scatter',
        mode: 'lines+markers',
        name: 'Forecast (median)',
        line: { color: p.primary.main, width: 2, dash: 'dash' },
        marker: { size: 4 },
        customdata: f.map((q) => [q.q10, q.q90, q.mean]),
        hovertemplate: '%{y:,.1f} (80%: %{customdata[0]:,.0f}–%{customdata[1]:,.0f}; mean %{customdata[2]:,.1f})<extra>Forecast</extra>',
      });
    }
    if (chart.adjusted) {
      const a = chart.adjusted;
      traces.push(...band(a, pd, 'q10', 'q90', '80% range with your override', alpha(p.secondary.main, 0.18), 'adj'));
      traces.push({ x: a.map((q) => mid(q.start, pd)), y: a.map((q) => q.q50), type: 'scatter', mode: 'lines', name: 'With your override', line: { color: p.secondary.main, width: 2 }, hovertemplate: '%{y:,.1f}<extra>With your override</extra>' });
    }
    if (chart.backtest && chart.backtest.length > 0) {
      // A gap (null) where a new backtest origin starts: each window is its own forecast.
      const x: Array<string | null> = [];
      const y: Array<number | null> = [];
      chart.backtest.forEach((b, i) => {
        if (i > 0 && chart.backtest![i - 1]!.window !== b.window) {
          x.push(mid(b.start, pd));
          y.push(null);
        }
        x.push(mid(b.start, pd));
        y.push(b.value);
      });
      traces.push({ x, y, type: 'scatter', mode: 'lines', name: 'Backtest: what the forecast said', line: { color: p.success.main, width: 2, dash: 'dash' }, hovertemplate: '%{y:,.1f}<extra>Backtest forecast</extra>' });
    }
    const h = chart.history;
    traces.push({
      x: h.map((q) => mid(q.start, pd)),
      y: h.map((q) => q.units),
      type: 'scatter',
      mode: 'lines+markers',
      name: pd === 7 ? 'Sold per week' : 'Sold per day',
      line: { color: p.text.primary, width: 1.5 },
      marker: { size: 4, color: h.map((q) => (q.excluded ? p.background.paper : p.text.primary)), line: { color: p.text.primary, width: 1 } },
      hovertemplate: '%{y:,.1f}<extra>Sold</extra>',
    });
    if (chart.anomalies.length > 0) {
      traces.push({
        x: chart.anomalies.map((a) => mid(a.start, pd)),
        y: chart.anomalies.map((a) => a.actual),
        type: 'scatter',
        mode: 'markers',
        name: 'Unusual week',
        marker: { size: 12, color: 'rgba(0,0,0,0)', line: { color: p.error.main, width: 2 } },
        customdata: chart.anomalies.map((a) => [a.lower, a.upper]),
        hovertemplate: '%{y:,.0f} sold; expected %{customdata[0]:,.0f}–%{customdata[1]:,.0f}<extra>Unusual</extra>',
      });
    }
    const shapes: Trace[] = [];
    const eventX: string[] = [];
    const eventText: string[] = [];
    for (const e of chart.events) {
      const holiday = e.source === 'holiday';
      shapes.push({ type: 'rect', xref: 'x', yref: 'paper', x0: e.start, x1: endOf(e.end), y0: 0, y1: 1, fillcolor: holiday ? alpha(p.text.secondary, 0.12) : alpha(p.warning.main, 0.18), line: { width: 0 }, layer: 'below' });
      eventX.push(e.start);
      eventText.push(`${e.name}${e.multiplier !== null ? ` (×${e.multiplier.toLocaleString(locale)})` : ''}`);
    }
    if (eventX.length > 0) {
      traces.push({ x: eventX, y: eventX.map(() => 1), yaxis: 'y3', type: 'scatter', mode: 'markers', name: 'Events and holidays', marker: { symbol: 'triangle-down', size: 8, color: p.warning.main }, text: eventText, hovertemplate: '%{text}<extra></extra>' });
    }
    for (const s of chart.stockouts) {
      shapes.push({ type: 'rect', xref: 'x', yref: 'paper', x0: s.start, x1: endOf(s.end), y0: 0, y1: 0.04, fillcolor: p.error.main, line: { width: 0 } });
    }
    if (chart.stockouts.length > 0) {
      traces.push({ x: [chart.stockouts[0]!.start], y: [0], type: 'scatter', mode: 'markers', name: 'Out of stock (bar at the bottom)', marker: { symbol: 'square', color: p.error.main }, hoverinfo: 'skip' });
    }
    const layout = {
      height,
      margin: { l: 56, r: 16, t: 16, b: 40 },
      paper_bgcolor: 'rgba(0,0,0,0)',
      plot_bgcolor: 'rgba(0,0,0,0)',
      font: { color: p.text.primary, family: theme.typography.fontFamily, size: 12 },
      separators: plotlySeparators(locale),
      hovermode: 'x unified',
      legend: { orientation: 'h', y: -0.14 },
      xaxis: { type: 'date', gridcolor: p.divider, rangeslider: { visible: false } },
      yaxis: { title: { text: 'Units' }, gridcolor: p.divider, rangemode: 'tozero', zeroline: false },
      yaxis3: { overlaying: 'y', range: [0, 1.02], visible: false, fixedrange: true },
      shapes,
    };
    return { traces, layout };
  }, [chart, theme, height, locale]);

  return (
    <Box data-testid="forecast-chart" sx={{ width: '100%' }}>
      {idle ? (
        <Plot data={figure.traces} layout={figure.layout} config={{ displaylogo: false, responsive: true, modeBarButtonsToRemove: ['select2d', 'lasso2d'] }} useResizeHandler style={{ width: '100%', height }} />
      ) : (
        <Box sx={{ height }} aria-busy="true" />
      )}
    </Box>
  );
}
