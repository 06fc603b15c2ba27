/** The services the emulator answers, as weather names them in `<service>:<Operation>` keys and quotas. */
export const WEATHER_SERVICES = ['cognito-idp', 'cognito-identity', 'iam', 'sts', 's3'] as const;
export type WeatherService = (typeof WEATHER_SERVICES)[number];
