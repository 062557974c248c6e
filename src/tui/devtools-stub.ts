// Ink imports react-devtools-core for its DEV mode only; the bundle swaps in
// this stub so that optional package is neither needed nor loaded.
export default { initialize(): void {}, connectToDevTools(): void {} };
