/**
 * The create, update and delete documents of a record type, selecting `fields` on success and
 * every typed error's details, as the mutation tests send them.
 */
export function mutationDocuments(type: string, fields: string) {
  const payload = type.charAt(0).toLowerCase() + type.slice(1);
  const errors = `... on Error { message code }
    ... on InvalidInputError { path }
    ... on InputValidationError { issues { path message } }`;
  return {
    CREATE: `mutation ($input: Create${type}Input!) {
  create${type}(input: $input) {
    __typename
    ... on Create${type}Success { ${payload} { ${fields} } }
    ${errors}
  }
}`,
    UPDATE: `mutation ($id: ID!, $input: Update${type}Input!) {
  update${type}(id: $id, input: $input) {
    __typename
    ... on Update${type}Success { ${payload} { ${fields} } }
    ${errors}
  }
}`,
    DELETE: `mutation ($id: ID!) { delete${type}(id: $id) { __typename ... on Delete${type}Success { deletedId } ... on Error { message code } } }`,
  };
}
