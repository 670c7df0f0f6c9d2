/** `ads-errors/web`: the web explainer page and its small JSON API. */
export { startWebExplainer, type WebExplainerOptions, type RunningWebExplainer } from './server.js';
