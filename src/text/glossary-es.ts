// The Spanish glossary (#26): each insurance term as CMS and CuidadoDeSalud.gov write it in
// Spanish, with the public page that uses it and the sentence (read 2026-11-30; none of these
// pages shows a date). Three CMS PDFs were read in a public mirror of marketplace.cms.gov, as the
// addresses say.
// The Spanish catalogs use these words; test/text/glossary.test.ts fails when a catalog uses a
// variant listed under `avoid` instead, or no longer uses a term at all.

/** One term: the English the tool says, the Spanish it says instead, variants it must not use, and the source. */
export type GlossaryTerm = {
  en: string;
  es: string;
  /** Other Spanish words for the same thing, seen on other sites; the catalogs use `es` instead. */
  avoid: readonly string[];
  source: { title: string; url: string; quote: string };
};

export const GLOSSARY_ES = {
  deductible: {
    en: 'deductible',
    es: 'deducible',
    avoid: ['franquicia'],
    source: {
      title: 'Planes de salud con deducible alto (HDHP) y cuentas de ahorro para la salud (HSA), CuidadoDeSalud.gov',
      url: 'https://www.cuidadodesalud.gov/es/high-deductible-health-plan/hdhp-hsa-work-together/',
      quote: 'Su deducible, los costos que paga antes de que el HDHP comience a pagar, es más alto que el de muchos que no son HDHP.',
    },
  },
  coinsurance: {
    en: 'coinsurance',
    es: 'coseguro',
    avoid: ['coaseguro'],
    source: {
      title:
        '5 cosas que debe saber sobre seguros médicos, CMS (Mercado de Seguros Médicos; the copy read is a public mirror of marketplace.cms.gov)',
      url: 'https://raw.githubusercontent.com/wgetsnaps/marketplace.cms.gov/master/outreach-and-education/value-of-health-insurance-spanish.pdf',
      quote: 'El coseguro es usualmente un porcentaje (por ejemplo, el 20 % del costo total).',
    },
  },
  copay: {
    en: 'copay',
    es: 'copago',
    avoid: ['copagos fijos', 'pago compartido'],
    source: {
      title:
        '5 cosas que debe saber sobre seguros médicos, CMS (Mercado de Seguros Médicos; the copy read is a public mirror of marketplace.cms.gov)',
      url: 'https://raw.githubusercontent.com/wgetsnaps/marketplace.cms.gov/master/outreach-and-education/value-of-health-insurance-spanish.pdf',
      quote:
        'Un copago es usualmente una cantidad fija (por ejemplo, tal vez usted pague $10 ó $20 por un medicamento recetado o una visita médica).',
    },
  },
  allowedAmount: {
    en: 'allowed amount',
    es: 'cantidad permitida',
    avoid: ['monto permitido', 'monto máximo'],
    source: {
      title: 'Gastos máximos de su bolsillo / límite (glosario), CuidadoDeSalud.gov',
      url: 'https://www.cuidadodesalud.gov/es/glossary/out-of-pocket-maximum-limit/',
      quote: 'Costos superiores a la cantidad permitida por un servicio que un proveedor puede cobrar',
    },
  },
  oopMax: {
    en: 'out-of-pocket maximum',
    // The words; the glossary page's own title is "Gastos máximos de su bolsillo / límite".
    es: 'límite de gastos de bolsillo',
    avoid: ['desembolso personal', 'gasto máximo de bolsillo'],
    source: {
      title: 'Gastos máximos de su bolsillo / límite (glosario), CuidadoDeSalud.gov',
      url: 'https://www.cuidadodesalud.gov/es/glossary/out-of-pocket-maximum-limit/',
      quote: 'Lo máximo que debe pagar por los servicios cubiertos en un año del plan.',
    },
  },
  balanceBilling: {
    en: 'balance billing',
    es: 'facturación del saldo',
    avoid: ['facturación de saldo', 'cobro del saldo'],
    source: {
      title: '¿Qué es una factura médica sorpresiva y qué saber de la Ley No Sorpresas?, CFPB',
      url: 'https://www.consumerfinance.gov/es/obtener-respuestas/que-es-una-factura-medica-sorpresiva-y-que-saber-de-la-ley-no-sorpresas-es-2123/',
      quote: 'Esto se conoce como “balance billing” o facturación del saldo.',
    },
  },
  goodFaithEstimate: {
    en: 'Good Faith Estimate',
    es: 'estimado de buena fe',
    avoid: ['presupuesto de buena fe', 'estimación de buena fe', 'cálculo de buena fe'],
    source: {
      title: 'Conozca sus derechos sin seguro médico, CMS',
      url: 'https://www.cms.gov/derechos-facturas-medicas/conozca-sus-derechos/sin-seguro',
      quote:
        'Un estimado de buena fe es una lista de los costos previstos de un proveedor o centro de salud para servicios (procedimientos, cuidados) o insumos médicos.',
    },
  },
  noSurprisesAct: {
    en: 'No Surprises Act',
    es: 'Ley Sin Sorpresas',
    avoid: ['Ley No Sorpresas', 'Ley de No Sorpresas'],
    source: {
      title: 'Conozca sus derechos sin seguro médico, CMS',
      url: 'https://www.cms.gov/derechos-facturas-medicas/conozca-sus-derechos/sin-seguro',
      quote: 'La ley Sin Sorpresas es una ley federal que se hizo efectiva el 1ero de enero del 2022.',
    },
  },
  inNetwork: {
    en: 'in network',
    es: 'dentro de la red',
    avoid: ['en la red'],
    source: {
      title: 'Plan de Acción: Recibió una factura de un proveedor dentro de su red, CMS',
      url: 'https://www.cms.gov/derechos-facturas-medicas/ayuda/plan/con-seguro-factura-sorpresa-dentro-de-red',
      quote: 'Fue a un centro de salud dentro de su red y lo atendió un proveedor dentro de su red',
    },
  },
  outOfNetwork: {
    en: 'out of network',
    es: 'fuera de la red',
    avoid: ['fuera de red'],
    source: {
      title:
        'Lo que debe saber acerca de las redes de proveedores, CMS (Mercado de Seguros Médicos; the copy read is a public mirror of marketplace.cms.gov)',
      url: 'https://raw.githubusercontent.com/wgetsnaps/marketplace.cms.gov/master/outreach-and-education/what-you-should-know-provider-networks-spanish.pdf',
      quote: 'A los que no tienen contrato se les llama “proveedores fuera de la red del plan”.',
    },
  },
  originalMedicare: {
    en: 'Original Medicare',
    es: 'Medicare Original',
    avoid: ['Medicare tradicional'],
    source: {
      title: 'Medicare y el Mercado de Seguros Médicos, CMS (the copy read is a public mirror of marketplace.cms.gov)',
      url: 'https://raw.githubusercontent.com/wgetsnaps/marketplace.cms.gov/master/outreach-and-education/medicare-and-marketplace-spanish.pdf',
      quote:
        'Independientemente de cómo reciba los beneficios de Medicare, ya sea a través del Medicare Original o de un plan Medicare Advantage (como un HMO o PPO), usted continuará con los mismos beneficios y seguridad que tiene actualmente y no tendrá que hacer cambios.',
    },
  },
  partB: {
    en: 'Part B',
    es: 'Parte B',
    avoid: ['Parte-B'],
    source: {
      title: 'Medicare y el Mercado de Seguros Médicos, CMS (the copy read is a public mirror of marketplace.cms.gov)',
      url: 'https://raw.githubusercontent.com/wgetsnaps/marketplace.cms.gov/master/outreach-and-education/medicare-and-marketplace-spanish.pdf',
      quote: 'Si tiene solamente la Parte B de Medicare (seguro médico) no cumple con este requisito.',
    },
  },
  medigap: {
    en: 'Medigap',
    es: 'Medigap',
    avoid: ['Medicare suplementario'],
    source: {
      title: 'Medicare y el Mercado de Seguros Médicos, CMS (the copy read is a public mirror of marketplace.cms.gov)',
      url: 'https://raw.githubusercontent.com/wgetsnaps/marketplace.cms.gov/master/outreach-and-education/medicare-and-marketplace-spanish.pdf',
      quote:
        'Nota: El Mercado de seguros no ofrece las pólizas suplementarias (Medigap) ni los planes de medicamentos recetados (Parte D).',
    },
  },
  hsa: {
    en: 'health savings account (HSA)',
    es: 'cuenta de ahorro para la salud',
    avoid: ['cuenta de ahorros para la salud', 'cuenta de ahorros de salud'],
    source: {
      title: 'Planes de salud con deducible alto (HDHP) y cuentas de ahorro para la salud (HSA), CuidadoDeSalud.gov',
      url: 'https://www.cuidadodesalud.gov/es/high-deductible-health-plan/hdhp-hsa-work-together/',
      quote:
        'Una HSA es una cuenta que le permite reservar dinero antes de impuestos para pagar gastos médicos calificados, tal como se define en la ley fiscal.',
    },
  },
} as const satisfies Record<string, GlossaryTerm>;
