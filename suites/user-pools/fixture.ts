import type { FixtureSpec } from '../../harness';

/**
 * Role ARNs the groups carry. Cognito checks only their shape (UP-API
 * CreateGroup RoleArn), so this suite needs no IAM and runs on targets that
 * emulate user pools alone. The account is a documentation example account.
 * They are data, not ARNs of this run's partition: CreateGroup's RoleArn
 * pattern takes any partition, and user pools exist in the aws and aws-us-gov
 * partitions only ("not currently available in the Beijing Region").
 */
export const ROLE_A = 'arn:aws:iam::111122223333:role/idchain-user-pools-role-a';
export const ROLE_B = 'arn:aws:iam::111122223333:role/idchain-user-pools-role-b';
export const ROLE_C = 'arn:aws:iam::111122223333:role/idchain-user-pools-role-c';

export const userPoolFixture: FixtureSpec = {
  userPools: {
    main: {
      clients: {
        web: { authFlows: ['USER_PASSWORD_AUTH', 'ADMIN_USER_PASSWORD_AUTH', 'REFRESH_TOKEN_AUTH'] },
        'app-only': { authFlows: ['USER_PASSWORD_AUTH'] },
        'admin-only': { authFlows: ['ADMIN_USER_PASSWORD_AUTH'] },
        confidential: { authFlows: ['USER_PASSWORD_AUTH'], generateSecret: true },
      },
      groups: {
        zero: { precedence: 0, roleArn: ROLE_A },
        one: { precedence: 1, roleArn: ROLE_B },
        unset: { roleArn: ROLE_C },
        hundred: { precedence: 100, roleArn: ROLE_B },
        'tie-a': { precedence: 5, roleArn: ROLE_A },
        'tie-b': { precedence: 5, roleArn: ROLE_B },
      },
      users: {
        zoe: { groups: ['one', 'zero'] },
        uma: { groups: ['unset', 'hundred'] },
        tia: { groups: ['tie-a', 'tie-b'] },
        sol: { groups: ['one'] },
        ned: {},
      },
    },
  },
};
