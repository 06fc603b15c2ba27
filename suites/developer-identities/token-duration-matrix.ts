import { decodeClaims, type CaseDefinition } from '../../harness';
import { CI_GET_OPEN_ID_TOKEN_FOR_DEVELOPER, cite } from '../citations';
import { developerToken } from './steps';

/**
 * GetOpenIdTokenForDeveloperIdentity TokenDuration: 1–86400 seconds, 15
 * minutes when omitted (CI-API GetOpenIdTokenForDeveloperIdentity). AWS
 * documents the range but not the error for a value outside it, so the
 * refused rows assert the refusal only; the golden records which error.
 */
const ROWS: { requested: number; accepted: boolean }[] = [
  { requested: 0, accepted: false },
  { requested: 1, accepted: true },
  { requested: 86400, accepted: true },
  { requested: 86401, accepted: false },
];

const SOURCE = cite(CI_GET_OPEN_ID_TOKEN_FOR_DEVELOPER, 'TokenDuration: 1–86400 seconds');

export function tokenDurationCases(): CaseDefinition[] {
  return ROWS.map(
    ({ requested, accepted }): CaseDefinition => ({
      id: `developer/token-duration-${requested}-${accepted ? 'accepted' : 'refused'}`,
      title: accepted
        ? `TokenDuration ${requested} is accepted and the token lives ${requested} seconds`
        : `TokenDuration ${requested} is refused: the range is 1–86400 seconds`,
      citations: [CI_GET_OPEN_ID_TOKEN_FOR_DEVELOPER],
      async run(ctx) {
        const user = `duration-${requested}`;
        if (!accepted) {
          // A control first, so the refusal below is about the duration and not an operation the target lacks.
          await ctx.expect.succeeds('GetOpenIdTokenForDeveloperIdentity(control)', developerToken(ctx, user), SOURCE);
          await ctx.expect.error('GetOpenIdTokenForDeveloperIdentity', developerToken(ctx, user, { tokenDuration: requested }), {}, cite(SOURCE, 'the error is not documented'));
          return;
        }
        const { token } = await ctx.expect.succeeds('GetOpenIdTokenForDeveloperIdentity', developerToken(ctx, user, { tokenDuration: requested }), SOURCE);
        const claims = decodeClaims(token);
        ctx.expect.equal('developerToken.exp-iat', Number(claims.exp) - Number(claims.iat), requested, SOURCE);
      },
    }),
  );
}
