import type { Citation } from '../../harness';
import { observed } from '../citations';

/** The STS and IAM pages the duration-bounds table cites live in ../citations and ../duration-table; these are the rest. */
/** The same constraint message family as the 899 and 43201 messages, with the bound STS-API gives for these operations. */
export const OVER_USER_MODEL_MAX = observed(
  `ValidationError in the constraint-message form of the 899 message ("… Member must have value less than or equal to 129600"), bound from STS-API`,
);

export { IAM_SAML_ASSERTIONS, REPOST_CHAINING_LIMIT, STS_ASSUME_ROLE, STS_ASSUME_ROLE_WITH_SAML, STS_GET_FEDERATION_TOKEN, STS_GET_SESSION_TOKEN } from '../citations';

/** aws-contract.md §5 [doc] on the assertion's SessionDuration attribute. */
export const SESSION_DURATION_SHORTENS: Citation = {
  kind: 'doc',
  ref: 'IAM-UG "Configuring SAML assertions for the authentication response": optional SessionDuration (900–43200), which can only shorten an API session (aws-contract.md §5)',
  url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_saml_assertions.html',
};
/**
 * Neither page says how SessionDuration meets an explicit DurationSeconds;
 * the smaller winning is issue 5's reading of "can only shorten". A recording
 * against AWS should confirm it.
 */
export const SMALLER_WINS_INFERRED = observed('inferred: with both DurationSeconds and SessionDuration given, the smaller wins (not stated on either page)');
