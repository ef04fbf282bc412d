import {
  ListPoliciesForTargetCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import {
  SearchProductsCommand,
  ServiceCatalogClient,
} from '@aws-sdk/client-service-catalog';
import { CacheService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  OrganizationalUnitSummary,
  ServiceCatalogProductSummary,
} from '@sra-backstage/plugin-aws-accounts-common';
import {
  AwsClientFactory,
  matchOrganizationalUnit,
  OrganizationReader,
} from '@sra-backstage/plugin-aws-accounts-node';
import { PostureConfig } from '../config/readPostureConfig';
import { ScaffolderPickerSources } from '../service/createRouter';

/** How long the pickers' answers are cached: the tree rarely changes. */
const PICKER_CACHE_SECONDS = 300;
const SERVICE_CATALOG_PAGE_SIZE = 100;
/**
 * Control Tower attaches its mandatory preventive controls to every
 * registered organizational unit as SCPs named `aws-guardrails-…`; their
 * presence is how enrollment is read through Organizations alone.
 */
const CONTROL_TOWER_SCP_PREFIX = 'aws-guardrails-';

interface CachedTree {
  rootId: string;
  rootName: string;
  units: OrganizationalUnitSummary[];
}

/**
 * Answers the scaffolder's pickers: the organizational units under a
 * parent with whether Control Tower governs them, and the Service Catalog
 * products in the home Region. Both are cached for five minutes.
 */
export class ScaffolderPickerReader implements ScaffolderPickerSources {
  static create(options: {
    config: PostureConfig;
    clientFactory: AwsClientFactory;
    organizationReader: OrganizationReader;
    cache: CacheService;
    organizationAccount?: { accountId?: string; roleName?: string };
  }): ScaffolderPickerReader {
    return new ScaffolderPickerReader(options);
  }

  private constructor(
    private readonly options: {
      config: PostureConfig;
      clientFactory: AwsClientFactory;
      organizationReader: OrganizationReader;
      cache: CacheService;
      organizationAccount?: { accountId?: string; roleName?: string };
    },
  ) {}

  async listOrganizationalUnits(
    parent?: string,
  ): Promise<OrganizationalUnitSummary[]> {
    const tree = await this.#tree();
    const reference = parent ?? this.options.config.organizationalUnitsParent;
    if (
      !reference ||
      reference === tree.rootId ||
      reference.toLowerCase() === tree.rootName.toLowerCase()
    ) {
      return tree.units;
    }

    const match = matchOrganizationalUnit(
      { id: tree.rootId, arn: '', name: tree.rootName },
      tree.units.map(unit => ({ ...unit, arn: '' })),
      reference,
    );
    if (!match) {
      throw new InputError(
        `Invalid parent parameter: no organizational unit '${reference}'; give an id such as ou-abcd-12345678 or a path such as Root/Workloads`,
      );
    }
    return tree.units.filter(unit => unit.path.startsWith(`${match.path}/`));
  }

  async listServiceCatalogProducts(): Promise<ServiceCatalogProductSummary[]> {
    const key = 'pickers:service-catalog-products';
    const cached = await this.options.cache.get<string>(key);
    if (cached) {
      return JSON.parse(cached) as ServiceCatalogProductSummary[];
    }

    const client = await this.options.clientFactory.create(
      ServiceCatalogClient,
      {
        ...this.options.organizationAccount,
        region: this.options.config.homeRegion,
      },
    );
    const products: ServiceCatalogProductSummary[] = [];
    let PageToken: string | undefined;
    do {
      const page = await client.send(
        new SearchProductsCommand({
          PageSize: SERVICE_CATALOG_PAGE_SIZE,
          PageToken,
        }),
      );
      for (const view of page.ProductViewSummaries ?? []) {
        if (!view.ProductId || !view.Name) continue;
        products.push({
          id: view.ProductId,
          name: view.Name,
          owner: view.Owner,
          description: view.ShortDescription,
        });
      }
      PageToken = page.NextPageToken;
    } while (PageToken);

    products.sort((a, b) => a.name.localeCompare(b.name));
    await this.options.cache.set(key, JSON.stringify(products), {
      ttl: { seconds: PICKER_CACHE_SECONDS },
    });
    return products;
  }

  async #tree(): Promise<CachedTree> {
    const key = 'pickers:organizational-units';
    const cached = await this.options.cache.get<string>(key);
    if (cached) {
      return JSON.parse(cached) as CachedTree;
    }

    const snapshot = await this.options.organizationReader.readOrganization({
      includeTags: false,
    });
    const client = await this.options.clientFactory.create(
      OrganizationsClient,
      {
        ...this.options.organizationAccount,
        region: this.options.config.homeRegion,
      },
    );
    const units: OrganizationalUnitSummary[] = [];
    for (const unit of snapshot.organizationalUnits) {
      units.push({
        id: unit.id,
        name: unit.name,
        path: unit.path,
        parentId: unit.parentId,
        enrolled: await this.#isEnrolled(client, unit.id),
      });
    }
    units.sort((a, b) => a.path.localeCompare(b.path));

    const tree: CachedTree = {
      rootId: snapshot.root.id,
      rootName: snapshot.root.name,
      units,
    };
    await this.options.cache.set(key, JSON.stringify(tree), {
      ttl: { seconds: PICKER_CACHE_SECONDS },
    });
    return tree;
  }

  async #isEnrolled(
    client: OrganizationsClient,
    unitId: string,
  ): Promise<boolean> {
    let NextToken: string | undefined;
    do {
      const page = await client.send(
        new ListPoliciesForTargetCommand({
          TargetId: unitId,
          Filter: 'SERVICE_CONTROL_POLICY',
          NextToken,
        }),
      );
      if (
        (page.Policies ?? []).some(policy =>
          policy.Name?.startsWith(CONTROL_TOWER_SCP_PREFIX),
        )
      ) {
        return true;
      }
      NextToken = page.NextToken;
    } while (NextToken);
    return false;
  }
}
