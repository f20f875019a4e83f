'use strict';
// Every operation of the server through the Node.js `soap` client, as a node-soap user would write it against the
// served WSDL. Run by tests/IpsApi.IntegrationTests/Interop/ClientStacks (or by hand against `./ipsapi run`):
//
//   npm ci && IPSAPI_WSDL=http://127.0.0.1:8080/scene7/webservice/IpsApi.wsdl IPSAPI_COMPANY=47 \
//   IPSAPI_COMPANY_NAME="Demo Company" IPSAPI_USER=user@example.com IPSAPI_PASSWORD=secret \
//   IPSAPI_ADMIN_USER=admin@example.com IPSAPI_ADMIN_PASSWORD=... node soap-client.js
//
// Prints one line per call ("ok <operation> ..." or "fault <operation> <faultcode> <faultstring> <detail> <code>
// <reason>") and exits non-zero on the first answer a client could not rely on. The company should be one the
// run may fill with jobs and folders, holding the assets tour/one.jpg, tour/two.jpg and tour/doc.pdf; the server must run optimizeImagesJob slowly enough to be seen running.
// getCompanySettings is for company administrators: IPSAPI_ADMIN_USER and IPSAPI_ADMIN_PASSWORD name one of the
// company (the user when not set).

const crypto = require('node:crypto');
const soap = require('soap');

const IPS = 'http://www.scene7.com/IpsApi/xsd';
const FAR_FUTURE_CRON = '0 0 3 1 1 ? 2099';

function env(name) {
  const value = process.env[name];
  if (!value) {
    fail(`${name} is not set`);
  }
  return value;
}

function fail(what) {
  console.log(`FAILED: ${what}`);
  process.exit(1);
}

function check(condition, what) {
  if (!condition) {
    fail(what);
  }
}

const WSDL = env('IPSAPI_WSDL');
const COMPANY = env('IPSAPI_COMPANY');
const USER = env('IPSAPI_USER');
const PASSWORD = env('IPSAPI_PASSWORD');
const COMPANY_NAME = env('IPSAPI_COMPANY_NAME');
const ADMIN_USER = process.env.IPSAPI_ADMIN_USER || USER;
const ADMIN_PASSWORD = process.env.IPSAPI_ADMIN_PASSWORD || PASSWORD;

// node-soap hands arrays of one item back as the item itself, and leaves out empty ones.
function items(array) {
  if (!array || !array.items) {
    return [];
  }
  return Array.isArray(array.items) ? array.items : [array.items];
}

async function main() {
  const client = await soap.createClientAsync(WSDL);
  const port = client.IpsApiService.IpsApiSoapPort;
  const authHeader = (password, user = USER) => ({ authHeader: { user, password, appName: 'node-soap' } });
  client.addSoapHeader(authHeader(PASSWORD), '', 'ips', IPS);
  // Calls with other credentials: the client's headers are swapped for the call, then put back.
  const as = async (header, run) => {
    client.clearSoapHeaders();
    client.addSoapHeader(header, '', 'ips', IPS);
    try {
      return await run();
    } finally {
      client.clearSoapHeaders();
      client.addSoapHeader(authHeader(PASSWORD), '', 'ips', IPS);
    }
  };

  // The port's methods take a callback; answer with the result, or reject with node-soap's error.
  const call = (operation, args) => new Promise((resolve, reject) => {
    port[operation](args, (error, result) => (error ? reject(error) : resolve(result)));
  });

  const suffix = crypto.randomBytes(4).toString('hex');
  const publish = { publishType: 'Full', emailSetting: 'None' };

  const name = `node scheduled ${suffix}`;
  const submitted = await call('submitJob', {
    companyHandle: COMPANY, jobName: name, execSchedule: FAR_FUTURE_CRON, imageServingPublishJob: publish,
  });
  const handle = submitted.jobHandle;
  check(handle === `${COMPANY}|${name}|`, `submitJob answered ${JSON.stringify(submitted)}`);
  console.log(`ok submitJob ${handle}`);

  const scheduled = items((await call('getScheduledJobs', { companyHandle: COMPANY, jobHandle: handle })).jobArray);
  check(scheduled.length === 1 && scheduled[0].triggerState === 'Normal', `getScheduledJobs: ${JSON.stringify(scheduled)}`);
  check(new Date(scheduled[0].nextFireTime).getUTCFullYear() === 2099, 'nextFireTime is a date in 2099');
  console.log(`ok getScheduledJobs ${scheduled[0].triggerState} 2099`);

  for (const operation of ['pauseJob', 'resumeJob', 'executeJob']) {
    await call(operation, { companyHandle: COMPANY, jobHandle: handle });
    console.log(`ok ${operation}`);
  }

  const logs = await waitFor(
    async () => items((await call('getJobLogs', { companyHandle: COMPANY })).jobLogArray),
    (list) => list.some((log) => log.jobName === name && log.endDate),
    "the executed run's job log");
  console.log(`ok getJobLogs ${logs.length}`);

  const details = items((await call('getJobLogDetails', { companyHandle: COMPANY, originalName: name, sortBy: 'Date' })).jobLogArray);
  check(details.length === 1 && items(details[0].detailArray).length === Number(details[0].detailTotalRows), 'getJobLogDetails has its records');
  console.log(`ok getJobLogDetails ${details[0].detailTotalRows}`);

  const assets = items(((await call('getAssetJobLogs', { companyHandle: COMPANY, assetHandle: 'a|never-named' })) || {}).jobLogArray);
  check(assets.length === 0, 'getAssetJobLogs of an unknown asset is empty');
  console.log('ok getAssetJobLogs 0');

  const slow = `node running ${suffix}`;
  await call('submitJob', { companyHandle: COMPANY, jobName: slow, optimizeImagesJob: { emailSetting: 'None' } });
  const active = await waitFor(
    async () => items((await call('getActiveJobs', { companyHandle: COMPANY })).jobArray),
    (list) => list.some((job) => job.name === slow && job.state === 'Running'),
    'the slow job running');
  const running = active.find((job) => job.name === slow);
  console.log(`ok getActiveJobs ${running.state} ${running.type}`);
  await call('stopJob', { companyHandle: COMPANY, jobHandle: running.jobHandle });
  console.log('ok stopJob');

  await call('deleteJob', { companyHandle: COMPANY, jobHandle: handle });
  const left = items((await call('getScheduledJobs', { companyHandle: COMPANY })).jobArray);
  check(!left.some((job) => job.name === name), 'the deleted job is gone');
  console.log('ok deleteJob');

  await company(call, () => as(authHeader(ADMIN_PASSWORD, ADMIN_USER),
    () => call('getCompanySettings', { companyHandle: COMPANY })));
  await folders(call, `node-${suffix}`);
  await assets(call);

  const faults = [
    ['submitJob', () => call('submitJob', { companyHandle: COMPANY, jobName: '', imageServingPublishJob: publish })],
    ['getScheduledJobs', () => call('getScheduledJobs', { companyHandle: 'no-such-company' })],
    ['stopJob', () => call('stopJob', { companyHandle: COMPANY, jobHandle: handle })],
    ['getActiveJobs', () => as(authHeader('not the password'), () => call('getActiveJobs', { companyHandle: COMPANY }))],
    ['getCompanyInfo', () => call('getCompanyInfo', { companyName: 'No Such Company' })],
    ['createFolder', () => call('createFolder', { companyHandle: COMPANY, folderPath: 'products/../../escape' })],
    ['getAssetsByName', () => call('getAssetsByName', { companyHandle: COMPANY, nameArray: { items: [] } })],
  ];
  for (const [operation, run] of faults) {
    const fault = await faultOf(run);
    const [detail] = Object.keys(fault.detail);
    const { code, reason } = fault.detail[detail];
    console.log(`fault ${operation} ${fault.faultcode} ${fault.faultstring} ${detail} ${Number(code)} ${reason}`);
  }

  console.log('node-soap: all operations ok');
}

// What an integration asks first: its company's handle by name, who it is, and (as an admin) the settings.
async function company(call, settingsAsAdmin) {
  const info = (await call('getCompanyInfo', { companyName: COMPANY_NAME })).companyInfo;
  check(info.companyHandle === COMPANY && info.rootPath === `${COMPANY_NAME}/`, `getCompanyInfo: ${JSON.stringify(info)}`);
  console.log(`ok getCompanyInfo ${info.companyHandle} ${info.rootPath}`);

  const memberships = items((await call('getCompanyMembership', {})).membershipArray);
  check(memberships.some((m) => m.company.companyHandle === COMPANY && String(m.isActive) === 'true'),
    `getCompanyMembership: ${JSON.stringify(memberships)}`);
  console.log(`ok getCompanyMembership ${memberships.length}`);

  const user = (await call('getUserInfo', {})).userInfo;
  check(user.email.toLowerCase() === USER.toLowerCase() && String(user.isValid) === 'true', `getUserInfo: ${JSON.stringify(user)}`);
  console.log(`ok getUserInfo ${user.defaultRole}`);

  const login = async (password) => (await call('checkLogin', { companyHandle: COMPANY, email: USER, password })).status;
  const [valid, invalid] = [await login(PASSWORD), await login('not the password')];
  check(valid === 'ValidLogin' && invalid === 'InvalidLogin', `checkLogin: ${valid}, ${invalid}`);
  console.log(`ok checkLogin ${valid} ${invalid}`);

  const { settings } = await settingsAsAdmin();
  check(settings && settings.timeZone, `getCompanySettings: ${JSON.stringify(settings)}`);
  console.log(`ok getCompanySettings ${settings.timeZone}`);
}

// Folders written in the path forms clients use, under one folder of this run's own, which goes at the end.
async function folders(call, base) {
  const root = `${COMPANY_NAME}/`;
  const create = async (folderPath) => (await call('createFolder', { companyHandle: COMPANY, folderPath })).folderHandle;
  const shoes = await create(`/${root}${base}/products/shoes/`);
  const archive = await create(`${base}/archive`);
  check(shoes.startsWith(`f|${COMPANY}|`), `createFolder answered ${shoes}`);
  console.log(`ok createFolder ${shoes}`);

  const listed = items((await call('getFolders', { companyHandle: COMPANY, folderPath: `${base}/products` })).folderArray);
  check(JSON.stringify(listed.map((f) => f.path)) === JSON.stringify([`${root}${base}/products/`, `${root}${base}/products/shoes/`]),
    `getFolders: ${JSON.stringify(listed)}`);
  check(listed[1].folderHandle === shoes && new Date(listed[1].lastModified).getUTCFullYear() >= 2024, 'getFolders: the new folder\'s handle and time');
  console.log(`ok getFolders ${listed.length}`);

  const renamed = (await call('renameFolder', { companyHandle: COMPANY, folderHandle: shoes, folderName: 'boots' })).folderHandle;
  const moved = (await call('moveFolder', { companyHandle: COMPANY, folderHandle: shoes, destFolderHandle: archive })).folderHandle;
  check(renamed === shoes && moved === shoes, `renameFolder, moveFolder answered ${renamed}, ${moved}`);
  console.log('ok renameFolder');
  console.log('ok moveFolder');

  const tree = items((await call('getFolderTree', { companyHandle: COMPANY, folderPath: `${root}${base}/`, depth: -1 })).folders);
  check(tree.length === 1 && String(tree[0].hasSubfolders) === 'true', `getFolderTree: ${JSON.stringify(tree)}`);
  const top = items(tree[0].subfolderArray);
  check(JSON.stringify(top.map((f) => f.path)) === JSON.stringify([`${root}${base}/archive/`, `${root}${base}/products/`]),
    `getFolderTree: ${JSON.stringify(top)}`);
  const boots = items(top[0].subfolderArray);
  check(boots.length === 1 && boots[0].folderHandle === shoes && boots[0].path === `${root}${base}/archive/boots/`,
    `getFolderTree: ${JSON.stringify(boots)}`);
  console.log(`ok getFolderTree ${boots[0].path}`);

  await call('deleteFolder', { companyHandle: COMPANY, folderHandle: shoes });
  const archived = items((await call('getFolderTree', { companyHandle: COMPANY, folderPath: `${base}/archive`, depth: 1 })).folders);
  check(String(archived[0].hasSubfolders) === 'false' && !archived[0].subfolderArray, `the deleted folder is gone: ${JSON.stringify(archived)}`);
  console.log('ok deleteFolder');

  const [own] = items((await call('getFolders', { companyHandle: COMPANY, folderPath: base })).folderArray);
  await call('deleteFolder', { companyHandle: COMPANY, folderHandle: own.folderHandle });
}

// What integrations do after an upload, in the folder tour/ the test filled with one.jpg, two.jpg and doc.pdf:
// find the assets, describe them, tidy them up, send them through the trash.
async function assets(call) {
  const c = { companyHandle: COMPANY };
  const counts = (answer) => [answer.successCount, answer.warningCount, answer.errorCount].map(Number).join(' ');
  const names = (list) => list.map((a) => a.name).join(',');

  const found = items((await call('getAssetsByName', { ...c, nameArray: { items: ['one', 'TWO', 'doc'] } })).assetArray);
  check(names(found) === 'doc,one,two', `getAssetsByName: ${JSON.stringify(found)}`);
  check(Number(found[1].imageInfo.width) === 64 && new Date(found[1].created).getUTCFullYear() >= 2024, 'getAssetsByName reads imageInfo and dates');
  const [doc, one, two] = found.map((a) => a.assetHandle);
  console.log(`ok getAssetsByName ${found.length}`);

  const chosen = items((await call('getAssets', { ...c, assetHandleArray: { items: [two, one] }, responseFieldArray: { items: ['name', 'fileName'] } })).assetArray);
  check(JSON.stringify(chosen) === JSON.stringify([{ name: 'two', fileName: 'two.jpg' }, { name: 'one', fileName: 'one.jpg' }]), `getAssets: ${JSON.stringify(chosen)}`);
  console.log('ok getAssets 2 fields');

  const page = await call('searchAssets', { ...c, folder: 'tour', recordsPerPage: 2, resultsPage: 2, sortBy: 'Name' });
  check(Number(page.totalRows) === 3 && names(items(page.assetArray)) === 'two', `searchAssets: ${JSON.stringify(page)}`);
  console.log(`ok searchAssets ${page.totalRows}`);

  const byName = await call('searchAssetsByMetadata', { ...c, metadataConditionArray: { items: [{ fieldHandle: 'name', op: 'Equals', value: 'ONE' }] } });
  check(Number(byName.totalRows) === 1 && items(byName.assetSummaryArray)[0].filename === 'one.jpg', `searchAssetsByMetadata: ${JSON.stringify(byName)}`);
  console.log('ok searchAssetsByMetadata 1');

  const tally = items((await call('getAssetCounts', c)).countArray).map((n) => `${n.assetType} ${n.count}`).join(',');
  check(tally === 'Image 2,Pdf 1', `getAssetCounts: ${tally}`);
  console.log('ok getAssetCounts');

  await call('setAssetMetadata', { ...c, assetHandle: one, updateArray: { items: [{ fieldHandle: 'color', value: 'red' }] } });
  console.log('ok setAssetMetadata');
  const update = { assetHandleArray: { items: [one, two] }, updateArray: { items: [{ fieldHandle: 'stock', longVal: 3 }] } };
  const batch = await call('batchSetAssetMetadata', { ...c, updateArray: { items: [update] } });
  check(counts(batch) === '2 0 0', `batchSetAssetMetadata: ${JSON.stringify(batch)}`);
  console.log('ok batchSetAssetMetadata');
  const fields = items((await call('getMetadataFields', { ...c, assetType: 'Image' })).fieldArray).map((f) => f.name).join(',');
  check(fields === 'color,stock', `getMetadataFields: ${fields}`);
  console.log('ok getMetadataFields');

  await call('renameAsset', { ...c, assetHandle: one, newName: 'uno', validateName: true });
  console.log('ok renameAsset');
  const folder = (await call('createFolder', { ...c, folderPath: 'tour/moved' })).folderHandle;
  await call('moveAsset', { ...c, assetHandle: two, folderHandle: folder });
  console.log('ok moveAsset');
  const moved = await call('moveAssets', { ...c, assetMoveArray: { items: [{ assetHandle: one, folderHandle: 'tour/moved' }] } });
  check(counts(moved) === '1 0 0', `moveAssets: ${JSON.stringify(moved)}`);
  console.log('ok moveAssets');
  const inFolder = items((await call('searchAssets', { ...c, folder: 'tour/moved' })).assetArray);
  check(names(inFolder) === 'two,uno', `after the moves: ${JSON.stringify(inFolder)}`);

  const associated = (await call('getAssociatedAssets', { ...c, assetHandle: one })) || {};
  check(!associated.containerArray && !associated.memberArray, `getAssociatedAssets: ${JSON.stringify(associated)}`);
  console.log('ok getAssociatedAssets');

  await call('setAssetPublishState', { ...c, assetHandle: one, publishState: 'MarkedForPublish' });
  console.log('ok setAssetPublishState');
  const states = await call('setAssetsPublishState', { ...c, publishStateUpdateArray: { items: [{ assetHandle: two, publishState: 'NotMarkedForPublish' }] } });
  check(counts(states) === '1 0 0', `setAssetsPublishState: ${JSON.stringify(states)}`);
  console.log('ok setAssetsPublishState');

  await call('deleteAsset', { ...c, assetHandle: doc });
  console.log('ok deleteAsset');
  const deleted = await call('deleteAssets', { ...c, assetHandleArray: { items: [doc, two] } });
  check(counts(deleted) === '1 1 0' && items(deleted.warningDetailArray)[0].assetHandle === doc, `deleteAssets: ${JSON.stringify(deleted)}`);
  console.log('ok deleteAssets');
  const restored = await call('restoreAssetsFromTrash', { ...c, assetHandleArray: { items: [two] } });
  check(counts(restored) === '1 0 0', `restoreAssetsFromTrash: ${JSON.stringify(restored)}`);
  console.log('ok restoreAssetsFromTrash');
  const emptied = await call('emptyAssetsFromTrash', { ...c, assetHandleArray: { items: [doc, one] } });
  check(counts(emptied) === '1 0 1', `emptyAssetsFromTrash: ${JSON.stringify(emptied)}`);
  console.log('ok emptyAssetsFromTrash');
  const rest = await call('searchAssets', { ...c, folder: 'tour', trashState: 'Any', includeSubfolders: true });
  check(Number(rest.totalRows) === 2, `what is left: ${JSON.stringify(rest)}`);
}

async function faultOf(run) {
  try {
    await run();
  } catch (error) {
    const fault = error.root && error.root.Envelope && error.root.Envelope.Body && error.root.Envelope.Body.Fault;
    check(fault, `a SOAP fault was expected, got: ${error.message}`);
    return fault;
  }
  return fail('a fault was expected');
}

async function waitFor(probe, done, what, seconds = 60) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (done(value)) {
      return value;
    }
    check(Date.now() < deadline, `waited ${seconds} s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

main().catch((error) => fail(error.stack || String(error)));
