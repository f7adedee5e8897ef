import { createGuardedLookup, isBlockedAddress, BlockedAddressError } from './address-guard.js';

describe('isBlockedAddress', () => {
  it.each([
    '127.0.0.1',
    '127.1.2.3',
    '10.0.0.5',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fc00::1',
    'fd00:ec2::254',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:169.254.169.254',
    '64:ff9b::a9fe:a9fe',
    '2002:0a00:0001::1',
    'not-an-ip',
  ])('blocks %s', (address) => {
    expect(isBlockedAddress(address)).toBe(true);
  });

  it.each([
    '93.184.216.34',
    '8.8.8.8',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
  ])('allows %s', (address) => {
    expect(isBlockedAddress(address)).toBe(false);
  });
});

describe('createGuardedLookup', () => {
  function lookupWith(addresses: Array<{ address: string; family: number }>, all = false) {
    const lookup = createGuardedLookup(async () => addresses);
    return new Promise<{ error: Error | null; address: unknown }>((resolve) => {
      lookup('example.test', { all }, (error, address) => resolve({ error, address }));
    });
  }

  it('returns the checked public address', async () => {
    expect(await lookupWith([{ address: '93.184.216.34', family: 4 }])).toEqual({
      error: null,
      address: '93.184.216.34',
    });
    expect((await lookupWith([{ address: '93.184.216.34', family: 4 }], true)).address).toEqual([
      { address: '93.184.216.34', family: 4 },
    ]);
  });

  it('refuses a host when any resolved address is private', async () => {
    const { error } = await lookupWith([
      { address: '93.184.216.34', family: 4 },
      { address: '10.1.2.3', family: 4 },
    ]);
    expect(error).toBeInstanceOf(BlockedAddressError);
  });
});
