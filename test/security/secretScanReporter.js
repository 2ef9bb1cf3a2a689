// Jest loads reporters with plain require: compile the TypeScript reporter on the fly.
require('ts-node').register({ transpileOnly: true, project: require('path').join(__dirname, '../../tsconfig.json') });
module.exports = require('./secretScanReporter.ts').default;
