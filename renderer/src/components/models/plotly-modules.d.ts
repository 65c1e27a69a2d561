// The Plotly bundle the models screen loads ships no types; react-plotly.js/factory does.
declare module 'plotly.js-dist-min' {
  const Plotly: object;
  export default Plotly;
}
