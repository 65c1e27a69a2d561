// Plotly's prebuilt basic bundle ships no types; the charts hand it to react-plotly.js's factory only.
declare module 'plotly.js/dist/plotly-basic.min.js' {
  const Plotly: object;
  export default Plotly;
}
