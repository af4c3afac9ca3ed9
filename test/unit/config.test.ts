import { describe, expect, it } from 'vitest';
import { buildConfig, ConfigError, DEFAULT_CONFIG, loadConfig } from '../../src/config.js';

describe('config', () => {
  it('defaults, then environment, then flags', () => {
    const env = { CDP_EMULATOR_PORT: '5000', CDP_EMULATOR_WRITE_KEY: 'a, b', CDP_EMULATOR_STRICT: 'true' };
    expect(loadConfig([], {})).toMatchObject({ port: DEFAULT_CONFIG.port, strict: false, writeKeys: [] });
    expect(loadConfig([], env)).toMatchObject({ port: 5000, strict: true, writeKeys: ['a', 'b'] });
    expect(loadConfig(['--port', '0', '--write-key', 'c', '--write-key', 'd'], env)).toMatchObject({
      port: 0,
      writeKeys: ['c', 'd'],
    });
  });

  it.each([
    [['--nope']],
    [['--port', 'abc']],
    [['--port', '70000']],
    [['--max-events', '0']],
    [['--public-url', 'not a url']],
  ])('refuses %j', (argv) => {
    expect(() => loadConfig(argv, {})).toThrow(ConfigError);
  });

  it('--random-seed implies --deterministic; neither is on by default', () => {
    expect(loadConfig([], {})).toMatchObject({ deterministic: false, randomSeed: 1 });
    expect(loadConfig(['--deterministic'], {})).toMatchObject({ deterministic: true, randomSeed: 1 });
    expect(loadConfig(['--random-seed', '42'], {})).toMatchObject({ deterministic: true, randomSeed: 42 });
    expect(loadConfig([], { CDP_EMULATOR_DETERMINISTIC: 'true' })).toMatchObject({ deterministic: true });
  });

  it('normalises publicUrl from flags and from the programmatic API alike', () => {
    expect(loadConfig(['--public-url', 'https://emu.test/base/'], {}).publicUrl).toBe('https://emu.test/base');
    expect(buildConfig({ publicUrl: 'https://emu.test//' }).publicUrl).toBe('https://emu.test');
  });

  it('is frozen, with dataFile resolved against the working directory', () => {
    const config = buildConfig({ dataFile: 'x/state.json' }, '/tmp/project');
    expect(config.dataFile).toBe('/tmp/project/x/state.json');
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.writeKeys)).toBe(true);
  });
});
