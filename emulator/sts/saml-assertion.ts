import { attr, child, children, NS, textOf, type XmlElement } from '../iam/saml-xml';

/** One SubjectConfirmationData: where the assertion may be presented, and until when. */
export interface SubjectConfirmation {
  recipient?: string;
  notOnOrAfter?: Date;
  notBefore?: Date;
}

/** What AssumeRoleWithSAML reads from an assertion [doc: IAM-UG "Configuring SAML assertions for the authentication response"]. */
export interface SamlAssertionFields {
  issuer?: string;
  nameId?: string;
  nameIdFormat?: string;
  confirmations: SubjectConfirmation[];
  conditionsNotBefore?: Date;
  conditionsNotOnOrAfter?: Date;
  /** Audience values of every AudienceRestriction; undefined when there is none. */
  audiences?: string[];
  /** AuthnStatement `SessionNotOnOrAfter`, the earliest when there are several. */
  sessionNotOnOrAfter?: Date;
  /** Attribute values by attribute Name. */
  attributes: Map<string, string[]>;
}

function date(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

function earliest(dates: (Date | undefined)[]): Date | undefined {
  const known = dates.filter((d): d is Date => d !== undefined);
  if (known.length === 0) return undefined;
  return new Date(Math.min(...known.map((d) => d.getTime())));
}

/**
 * Read the fields of one `saml:Assertion` element. Only the element's own
 * structure is read (direct children at each level, per saml-core-2.0 §2.3.3),
 * so nothing outside the signed assertion can leak in. Absent fields stay
 * undefined; the operation decides what is required.
 */
export function readAssertion(assertion: XmlElement): SamlAssertionFields {
  const subject = child(assertion, NS.assertion, 'Subject');
  const nameIdEl = subject ? child(subject, NS.assertion, 'NameID') : undefined;
  const confirmations = (subject ? children(subject, NS.assertion, 'SubjectConfirmation') : []).map((c) => {
    const data = child(c, NS.assertion, 'SubjectConfirmationData');
    return { recipient: attr(data, 'Recipient'), notOnOrAfter: date(attr(data, 'NotOnOrAfter')), notBefore: date(attr(data, 'NotBefore')) };
  });
  const conditions = child(assertion, NS.assertion, 'Conditions');
  const restrictions = conditions ? children(conditions, NS.assertion, 'AudienceRestriction') : [];
  const attributes = new Map<string, string[]>();
  for (const statement of children(assertion, NS.assertion, 'AttributeStatement')) {
    for (const attribute of children(statement, NS.assertion, 'Attribute')) {
      const name = attr(attribute, 'Name');
      if (name === undefined) continue;
      const values = children(attribute, NS.assertion, 'AttributeValue').map((v) => textOf(v) ?? '');
      attributes.set(name, [...(attributes.get(name) ?? []), ...values]);
    }
  }
  return {
    issuer: textOf(child(assertion, NS.assertion, 'Issuer')),
    nameId: textOf(nameIdEl),
    nameIdFormat: attr(nameIdEl, 'Format'),
    confirmations,
    conditionsNotBefore: date(attr(conditions, 'NotBefore')),
    conditionsNotOnOrAfter: date(attr(conditions, 'NotOnOrAfter')),
    audiences: restrictions.length > 0 ? restrictions.flatMap((r) => children(r, NS.assertion, 'Audience').map((a) => textOf(a) ?? '')) : undefined,
    sessionNotOnOrAfter: earliest(children(assertion, NS.assertion, 'AuthnStatement').map((s) => date(attr(s, 'SessionNotOnOrAfter')))),
    attributes,
  };
}
