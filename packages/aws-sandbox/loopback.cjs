/*
 * Resolves `localhost` and every name under `.localhost` to 127.0.0.1, as
 * RFC 6761 says they are loopback names. glibc resolves only `localhost`
 * itself, but the AWS SDK puts the account id in front of the endpoint's host
 * for some services (S3 Control: `<account>.localhost`), so a local endpoint
 * needs the whole zone. Load it with `node --require` (the portal's start
 * command does) or call installLoopbackResolver(); it changes nothing else.
 */
'use strict';

const dns = require('node:dns');

const INSTALLED = Symbol.for('sra-backstage.aws-sandbox.loopback-resolver');

function isLoopbackName(hostname) {
  const name = String(hostname).toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}

if (!dns.lookup[INSTALLED]) {
  const systemLookup = dns.lookup;
  const lookup = function lookup(hostname, options, callback) {
    const done = typeof options === 'function' ? options : callback;
    const settings =
      typeof options === 'object' && options !== null ? options : {};
    if (!isLoopbackName(hostname)) {
      return systemLookup.apply(this, arguments);
    }
    if (settings.all) {
      return process.nextTick(done, null, [
        { address: '127.0.0.1', family: 4 },
      ]);
    }
    return process.nextTick(done, null, '127.0.0.1', 4);
  };
  lookup[INSTALLED] = true;
  dns.lookup = lookup;
}
