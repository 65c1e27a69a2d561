// plotly.js-dist-min ships no types; the chart hands it to react-plotly.js's factory only.
declare module 'plotly.js-dist-min' {
  const Plotly: unknown;
  export default Plotly;
}
