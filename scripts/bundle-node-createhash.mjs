// Stands in for @apollo/utils.createhash in the production bundle (scripts/bundle-gateway.mjs).
// That package hashes with Node's crypto through `module.require('crypto')`, which a
// bundle's CommonJS wrapper does not provide, so bundled it fell back to sha.js, SHA-256 in
// JavaScript. Apollo Server hashes every request's query text with it (its document cache
// key): 7.4 against 3.4 us for the bench's 158-character query, more for longer inline ones.
export { createHash } from 'node:crypto';
