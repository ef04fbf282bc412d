/**
 * What the sandbox needs from a CloudFormation template: its description,
 * parameters and the logical ids and types of its resources. JSON templates
 * are parsed; YAML templates are read by indentation, which covers the
 * top-level sections without a YAML library.
 */
export interface TemplateSummary {
  description?: string;
  parameters: { key: string; defaultValue?: string; description?: string }[];
  resources: { logicalId: string; type: string }[];
}

export class TemplateError extends Error {}

export function summarizeTemplate(body: string): TemplateSummary {
  const text = body.trim();
  if (!text) {
    throw new TemplateError(
      'Template format error: the template body is empty',
    );
  }
  const summary = text.startsWith('{') ? fromJson(text) : fromYaml(text);
  if (summary.resources.length === 0) {
    throw new TemplateError(
      'Template format error: At least one Resources member must be defined.',
    );
  }
  return summary;
}

function fromJson(text: string): TemplateSummary {
  let template: Record<string, unknown>;
  try {
    template = JSON.parse(text);
  } catch (error) {
    throw new TemplateError(
      `Template format error: JSON not well-formed. (${
        (error as Error).message
      })`,
    );
  }
  const parameters = (template.Parameters ?? {}) as Record<
    string,
    Record<string, unknown>
  >;
  const resources = (template.Resources ?? {}) as Record<
    string,
    Record<string, unknown>
  >;
  return {
    description:
      typeof template.Description === 'string'
        ? template.Description
        : undefined,
    parameters: Object.entries(parameters).map(([key, parameter]) => ({
      key,
      defaultValue:
        parameter.Default === undefined ? undefined : String(parameter.Default),
      description:
        typeof parameter.Description === 'string'
          ? parameter.Description
          : undefined,
    })),
    resources: Object.entries(resources).map(([logicalId, resource]) => {
      if (typeof resource?.Type !== 'string') {
        throw new TemplateError(
          `Template format error: [/Resources/${logicalId}] Every Resources object must contain a Type member.`,
        );
      }
      return { logicalId, type: resource.Type };
    }),
  };
}

function fromYaml(text: string): TemplateSummary {
  const summary: TemplateSummary = { parameters: [], resources: [] };
  let section = '';
  let current: { key: string; fields: Record<string, string> } | undefined;
  let childIndent = -1;

  const flush = () => {
    if (!current) {
      return;
    }
    if (section === 'Parameters') {
      summary.parameters.push({
        key: current.key,
        defaultValue: current.fields.Default,
        description: current.fields.Description,
      });
    } else if (section === 'Resources') {
      if (!current.fields.Type) {
        throw new TemplateError(
          `Template format error: [/Resources/${current.key}] Every Resources object must contain a Type member.`,
        );
      }
      summary.resources.push({
        logicalId: current.key,
        type: current.fields.Type,
      });
    }
    current = undefined;
  };

  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) {
      continue;
    }
    const indent = line.length - line.trimStart().length;
    const match = /^\s*([A-Za-z0-9_:.-]+)\s*:\s*(.*)$/.exec(line);
    if (indent === 0) {
      flush();
      section = match?.[1] ?? '';
      childIndent = -1;
      if (section === 'Description' && match?.[2]) {
        summary.description = unquote(match[2]);
      }
      continue;
    }
    if (section !== 'Parameters' && section !== 'Resources') {
      continue;
    }
    if (childIndent < 0) {
      childIndent = indent;
    }
    if (indent === childIndent && match) {
      flush();
      current = { key: match[1], fields: {} };
    } else if (
      current &&
      match &&
      indent > childIndent &&
      !(match[1] in current.fields)
    ) {
      current.fields[match[1]] = unquote(match[2]);
    }
  }
  flush();
  return summary;
}

function unquote(value: string) {
  return value.trim().replace(/^['"]|['"]$/g, '');
}
