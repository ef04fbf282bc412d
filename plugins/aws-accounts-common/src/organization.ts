/**
 * An organizational unit as `GET /organizational-units` serves it to the
 * account vending form.
 *
 * @public
 */
export interface OrganizationalUnitSummary {
  id: string;
  name: string;
  /** The names from the root to the unit, for example `Root/Workloads/Prod`. */
  path: string;
  parentId: string;
  /** Whether Control Tower governs the unit: only enrolled units can vend. */
  enrolled: boolean;
}

/**
 * A Service Catalog product as `GET /service-catalog/products` serves it.
 *
 * @public
 */
export interface ServiceCatalogProductSummary {
  id: string;
  name: string;
  owner?: string;
  description?: string;
}

/**
 * The shape of an organizational unit id, as Organizations documents it.
 *
 * @public
 */
export const ORGANIZATIONAL_UNIT_ID_PATTERN =
  /^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/;

/**
 * The shape of a Service Catalog product id.
 *
 * @public
 */
export const SERVICE_CATALOG_PRODUCT_ID_PATTERN = /^prod-[a-z0-9]{13}$/;
