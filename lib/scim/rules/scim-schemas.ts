import { ENTERPRISE_SCHEMA, GROUP_SCHEMA, USER_SCHEMA } from "../types";

type Attr = Record<string, unknown>;

/** One attribute definition (RFC 7643 §7) with the defaults most attributes share. */
function attr(name: string, more: Partial<Attr> = {}): Attr {
  return {
    name,
    type: "string",
    multiValued: false,
    required: false,
    caseExact: false,
    mutability: "readWrite",
    returned: "default",
    uniqueness: "none",
    ...more,
  };
}

const typed = (name: string, types: string[]) =>
  attr(name, {
    multiValued: true,
    subAttributes: [
      attr("value", { required: true }),
      attr("type", { canonicalValues: types }),
      attr("primary", { type: "boolean" }),
      attr("display"),
    ],
  });

const userAttributes: Attr[] = [
  attr("userName", { required: true, uniqueness: "server" }),
  attr("name", {
    type: "complex",
    subAttributes: [
      "formatted",
      "familyName",
      "givenName",
      "middleName",
      "honorificPrefix",
      "honorificSuffix",
    ].map((n) => attr(n)),
  }),
  attr("displayName"),
  attr("nickName"),
  attr("title"),
  attr("userType"),
  attr("preferredLanguage"),
  attr("locale"),
  attr("timezone"),
  attr("active", { type: "boolean" }),
  typed("emails", ["work", "home", "other"]),
  typed("phoneNumbers", ["work", "mobile", "home", "fax", "other"]),
  attr("addresses", {
    type: "complex",
    multiValued: true,
    subAttributes: [
      "formatted",
      "streetAddress",
      "locality",
      "region",
      "postalCode",
      "country",
      "type",
    ]
      .map((n) => attr(n))
      .concat(attr("primary", { type: "boolean" })),
  }),
  attr("groups", {
    type: "complex",
    multiValued: true,
    mutability: "readOnly",
    subAttributes: [
      attr("value", { mutability: "readOnly" }),
      attr("display", { mutability: "readOnly" }),
    ],
  }),
];

const enterpriseAttributes: Attr[] = [
  attr("employeeNumber", {
    description: "The person's HR key (employee number); fixed once the user exists.",
  }),
  attr("department", { description: "Matched to an org unit by code, then by name." }),
  attr("organization"),
  attr("division"),
  attr("costCenter"),
  attr("manager", {
    type: "complex",
    subAttributes: [
      attr("value", { caseExact: true }),
      attr("$ref", { type: "reference", referenceTypes: ["User"] }),
      attr("displayName", { mutability: "readOnly" }),
    ],
  }),
];

const groupAttributes: Attr[] = [
  attr("displayName", { required: true, uniqueness: "server" }),
  attr("members", {
    type: "complex",
    multiValued: true,
    subAttributes: [
      attr("value", { caseExact: true, mutability: "immutable" }),
      attr("$ref", { type: "reference", referenceTypes: ["User"], mutability: "immutable" }),
      attr("display", { mutability: "readOnly" }),
      attr("type", { canonicalValues: ["User"], mutability: "immutable" }),
    ],
  }),
];

/** The Schemas endpoint's resources (RFC 7644 §4): what this provider stores, as it stores it. */
export function scimSchemas(baseUrl: string): Record<string, unknown>[] {
  const schema = (id: string, name: string, description: string, attributes: Attr[]) => ({
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
    id,
    name,
    description,
    attributes,
    meta: { resourceType: "Schema", location: `${baseUrl}/Schemas/${id}` },
  });
  return [
    schema(USER_SCHEMA, "User", "A person: an employee record in OrgBridge.", userAttributes),
    schema(
      ENTERPRISE_SCHEMA,
      "EnterpriseUser",
      "Employee number, department and manager.",
      enterpriseAttributes,
    ),
    schema(
      GROUP_SCHEMA,
      "Group",
      "An org unit in OrgBridge; members are placed in it when their department places them nowhere.",
      groupAttributes,
    ),
  ];
}
