import { UsageError } from '../errors';
import { referenceTarget } from './reference';
import { checkWeatherRequest } from './weather';

describe('the weather a reference target carries', () => {
  it('is the profile as it acts at its scale: rates divided by the scale, bursts kept, the propagation bound multiplied', async () => {
    const started = await referenceTarget({ weather: 'aws', seed: 9, weatherScale: 0.05 }).start({});
    try {
      expect(started.weather).toMatchObject({ profile: 'aws', seed: 9, scale: 0.05, propagationBoundMs: 3000 });
      // aws.json: iam:write 10/s, burst 20 (est); CreateGroup's category 15/s with 5 per pool (CG-Quotas).
      expect(started.weather?.quotas.find((q) => q.id === 'iam:write')).toMatchObject({ ratePerSecond: 200, burst: 20 });
      expect(started.weather?.quotas.find((q) => q.id === 'cognito-idp:UserPoolResourceUpdate')).toMatchObject({ ratePerSecond: 300, burst: 15, perPool: 100 });
    } finally {
      await started.stop();
    }
  });

  it('is none when calm, asked for or not: the emulator as it always was', async () => {
    for (const options of [{}, { weather: 'calm' }]) {
      const started = await referenceTarget(options).start({});
      expect(started.weather).toBeUndefined();
      await started.stop();
    }
  });

  it('a seed the emulator refuses is bad usage, and nothing is left running', async () => {
    await expect(referenceTarget({ weather: 'aws', seed: -1 }).start({})).rejects.toBeInstanceOf(UsageError);
  });
});

describe('checkWeatherRequest', () => {
  it('loads the profile a weathered request names, and leaves a calm one alone', () => {
    expect(checkWeatherRequest({ weather: 'aws', seed: 2 }, { name: 'reference' })?.name).toBe('aws');
    expect(checkWeatherRequest({ weather: 'calm' }, { name: 'reference' })).toBeUndefined();
    expect(checkWeatherRequest({}, { name: 'aws' })).toBeUndefined();
  });

  it('refuses weather anywhere but the built-in emulator, and a seed or scale without a weather', () => {
    expect(() => checkWeatherRequest({ weather: 'aws' }, { name: 'localstack' })).toThrow(UsageError);
    expect(() => checkWeatherRequest({ weatherScale: 0.5 }, { name: 'reference', endpoint: 'http://127.0.0.1:4566' })).toThrow(/--weather-scale cannot be used with the emulator already running at/);
    expect(() => checkWeatherRequest({ weather: 'calm', seed: 3 }, { name: 'reference' })).toThrow(/--seed shape a weather, and the run has none \(calm\)/);
  });
});
