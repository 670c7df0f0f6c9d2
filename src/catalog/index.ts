/** The error-code catalog of every Google Ads API version in the protos. */
export * from './catalog.js';
