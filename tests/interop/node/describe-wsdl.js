'use strict';
// Loads the served WSDL into a node-soap client and prints each port with its operations, the way a developer
// first inspects a service. Run with DEBUG=node-soap: node-soap reports WSDL parts it cannot resolve only as
// debug lines ("Unable to resolve ...", "... is not present in wsdl ..."), and the test holds those to none.
const soap = require('soap');

soap.createClientAsync(process.env.IPSAPI_WSDL).then((client) => {
  for (const [service, ports] of Object.entries(client.describe())) {
    for (const [port, operations] of Object.entries(ports)) {
      console.log(`${service} ${port} ${Object.keys(operations).join(' ')}`);
    }
  }
}, (error) => {
  console.log(`FAILED: ${error.message}`);
  process.exit(1);
});
