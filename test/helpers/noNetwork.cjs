// Preloaded (node --require) into a server or CLI under test: every way Node has to reach another machine is made
// to record the attempt in NO_NETWORK_LOG and fail. A test then asserts the log is empty after real work.
// CommonJS, so it patches the same module objects the bundles require.
'use strict';
const fs = require('node:fs');

const log = process.env.NO_NETWORK_LOG;
function caught(what) {
  return function () {
    if (log) fs.appendFileSync(log, `${what}\n`);
    throw new Error(`network use in a process that must not reach the network: ${what}`);
  };
}

const net = require('node:net');
net.Socket.prototype.connect = caught('net.Socket.connect');
net.connect = net.createConnection = caught('net.connect');
const tls = require('node:tls');
tls.connect = caught('tls.connect');
for (const name of ['http', 'https']) {
  const m = require(`node:${name}`);
  m.request = caught(`${name}.request`);
  m.get = caught(`${name}.get`);
}
require('node:http2').connect = caught('http2.connect');
require('node:dgram').createSocket = caught('dgram.createSocket');
const dns = require('node:dns');
dns.lookup = caught('dns.lookup');
dns.resolve = caught('dns.resolve');
dns.promises.lookup = caught('dns.promises.lookup');
globalThis.fetch = caught('fetch');
globalThis.WebSocket = caught('WebSocket');
if (log) fs.appendFileSync(log, '');
