'use strict';
// A node-soap client of a dated WSDL (IpsApi-<version>.wsdl), as integrations written against one load it. Run by
// tests/IpsApi.IntegrationTests/Interop/ClientStacks (or by hand against `./ipsapi run`):
//
//   IPSAPI_DATED_WSDL=http://127.0.0.1:8080/scene7/IpsApi-2008-01-15.wsdl IPSAPI_COMPANY=47 \
//   IPSAPI_USER=user@example.com IPSAPI_PASSWORD=secret node soap-dated.js
//
// The WSDL's types, authHeader included, are in the version's namespace; the fault details in the unversioned one,
// where the server answers them. Prints "ok submitJob ..." and "fault getScheduledJobs ..." like soap-client.js and
// exits non-zero on anything a client could not rely on.
const crypto = require('node:crypto');
const soap = require('soap');

const IPS = 'http://www.scene7.com/IpsApi/xsd';

function fail(what) {
  console.log(`FAILED: ${what}`);
  process.exit(1);
}

function env(name) {
  return process.env[name] || fail(`${name} is not set`);
}

const WSDL = env('IPSAPI_DATED_WSDL');
const VERSION = WSDL.split('IpsApi-').pop().replace('.wsdl', '');
const DATED = `${IPS}/${VERSION}`;

async function main() {
  const client = await soap.createClientAsync(WSDL);
  client.addSoapHeader({ authHeader: { user: env('IPSAPI_USER'), password: env('IPSAPI_PASSWORD'), appName: 'node-soap' } }, '', 'ips', DATED);
  const port = client.IpsApiService.IpsApiSoapPort;
  const call = (operation, args) => new Promise((resolve, reject) => {
    port[operation](args, (error, result) => (error ? reject(error) : resolve(result)));
  });

  const name = `node dated ${crypto.randomBytes(4).toString('hex')}`;
  const submitted = await call('submitJob', {
    companyHandle: env('IPSAPI_COMPANY'), jobName: name, execSchedule: '0 0 3 1 1 ? 2099',
    imageServingPublishJob: { publishType: 'Full', emailSetting: 'None' },
  });
  if (!client.lastRequest.includes(`"${DATED}"`)) {
    fail(`the request did not name ${DATED}: ${client.lastRequest}`);
  }
  if (submitted.jobHandle !== `${env('IPSAPI_COMPANY')}|${name}|`) {
    fail(`submitJob answered ${JSON.stringify(submitted)}`);
  }
  console.log(`ok submitJob ${VERSION} ${submitted.jobHandle}`);

  try {
    await call('getScheduledJobs', { companyHandle: 'no-such-company' });
    fail('a fault was expected');
  } catch (error) {
    const fault = error.root && error.root.Envelope && error.root.Envelope.Body && error.root.Envelope.Body.Fault;
    if (!fault) {
      fail(`a SOAP fault was expected, got: ${error.message}`);
    }
    const [detail] = Object.keys(fault.detail);
    console.log(`fault getScheduledJobs ${fault.faultcode} ${fault.faultstring} ${detail} ${Number(fault.detail[detail].code)} ${fault.detail[detail].reason}`);
  }
}

main().catch((error) => fail(error.stack || String(error)));
