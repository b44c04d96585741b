// UPR Info's (legacy) issue list, the themes a recommendation is filed under, with the phrases that put a
// recommendation under each theme in English, French and Spanish. Names are exactly UPR Info's (DOMAIN.md).
//
// A phrase matches whole words, ignoring case and accents; a final "*" matches any word that starts so
// ("refugee*" → refugees). Phrases are separated by commas. Avoid bare words that also belong to another
// theme ("environment" is also "enabling environment"; French "traité" folds to "traite", so trafficking is "la traite").
// Commas separate phrases, so write "economic social and cultural rights" without them: punctuation is ignored anyway.
// "General" is used only when nothing else matched and the text speaks of human rights; "Other" has no phrases.

export const THEMES = [
  'Asylum-seekers and refugees',
  'Civil and political rights – general',
  'Civil society',
  'Corruption',
  'Counter-terrorism',
  'Death penalty',
  'Detention',
  'Development',
  'Disabilities',
  'Economic, social and cultural rights – general',
  'Elections',
  'Enforced disappearances',
  'Environment',
  'Extrajudicial executions',
  'Freedom of association and peaceful assembly',
  'Freedom of movement',
  'Freedom of opinion and expression',
  'Freedom of religion and belief',
  'Freedom of the press',
  'General',
  'HIV/AIDS',
  'Human rights defenders',
  'Human rights education and training',
  'Human rights violations by state agents',
  'Impunity',
  'Indigenous peoples',
  'Internally displaced persons',
  'International humanitarian law',
  'International instruments',
  'Justice',
  'Labour',
  'Migrants',
  'Minorities',
  'National human rights institution',
  'National plan of action',
  'Other',
  'Poverty',
  'Public security',
  'Racial discrimination',
  'Right to education',
  'Right to food',
  'Right to health',
  'Right to housing',
  'Right to land',
  'Right to water',
  'Rights of the child',
  'Sexual orientation and gender identity',
  'Special procedures',
  'Technical assistance and cooperation',
  'Torture and other cruel, inhuman or degrading treatment',
  'Trafficking',
  'Treaty bodies',
  'UPR process',
  "Women's rights",
] as const;

export type Theme = (typeof THEMES)[number];

export interface ThemePhrases {
  en: string;
  fr: string;
  es: string;
}

export const THEME_PHRASES: Readonly<Record<Theme, ThemePhrases>> = {
  'Asylum-seekers and refugees': {
    en: 'refugee*, asylum*, non-refoulement, refoulement',
    fr: "réfugié*, asile, demandeurs d'asile, non-refoulement, refoulement",
    es: 'refugiado*, asilo, solicitantes de asilo, no devolución',
  },
  'Civil and political rights – general': {
    en: 'civil and political rights, fundamental freedoms, civic space, International Covenant on Civil and Political Rights, ICCPR',
    fr: 'droits civils et politiques, libertés fondamentales, espace civique',
    es: 'derechos civiles y políticos, libertades fundamentales, espacio cívico',
  },
  'Civil society': {
    en: 'civil society, non-governmental organization*, non-governmental organisation*, NGO, NGOs',
    fr: 'société civile, organisations non gouvernementales, organisation non gouvernementale, ONG',
    es: 'sociedad civil, organizaciones no gubernamentales, organización no gubernamental, ONG, ONGs',
  },
  Corruption: {
    en: 'corruption, corrupt, bribery, illicit enrichment, anti-corruption',
    fr: 'corruption, corrompu*, enrichissement illicite',
    es: 'corrupción, soborno*, cohecho, enriquecimiento ilícito',
  },
  'Counter-terrorism': {
    en: 'terroris*, counter-terrorism, counterterrorism, violent extremism',
    fr: 'terroris*, antiterroris*, extrémisme violent',
    es: 'terroris*, antiterroris*, extremismo violento',
  },
  'Death penalty': {
    en: 'death penalty, capital punishment, death sentence*, death row, moratorium, abolitionist, Second Optional Protocol',
    fr: 'peine de mort, peine capitale, moratoire, condamnation à mort, condamnations à mort, condamnés à mort, deuxième protocole facultatif',
    es: 'pena de muerte, pena capital, moratoria, condenados a muerte, condena a muerte, segundo protocolo facultativo',
  },
  Detention: {
    en: 'detention, detainee*, prison*, detained, pretrial, pre-trial, incarcerat*, custody, deprivation of liberty, overcrowding, penitentiary',
    fr: 'détention, détenu*, prison*, carcéra*, garde à vue, privation de liberté, surpopulation, pénitentiaire*',
    es: 'detención, detenido*, prisión, prisiones, cárcel*, carcelari*, penitenciari*, reclus*, privación de libertad, privados de libertad, hacinamiento',
  },
  Development: {
    en: 'sustainable development, development goals, SDG, SDGs, right to development, economic development, development assistance, 2030 Agenda, Agenda 2030',
    fr: 'développement durable, objectifs de développement, droit au développement, développement économique, programme 2030, aide publique au développement',
    es: 'desarrollo sostenible, objetivos de desarrollo, derecho al desarrollo, desarrollo económico, agenda 2030',
  },
  Disabilities: {
    en: 'disabilit*, disabled, CRPD',
    fr: 'handicap*, personnes handicapées',
    es: 'discapacidad*, discapacitad*',
  },
  'Economic, social and cultural rights – general': {
    en: 'economic social and cultural rights, ICESCR, social protection, social security, social welfare, cultural rights',
    fr: 'droits économiques sociaux et culturels, protection sociale, sécurité sociale, droits culturels',
    es: 'derechos económicos sociales y culturales, protección social, seguridad social, derechos culturales',
  },
  Elections: {
    en: 'election*, electoral, voting, ballot, universal suffrage, right to vote',
    fr: 'élection*, électora*, scrutin, suffrage, droit de vote',
    es: 'elecciones, elección, electoral*, sufragio, comicios, derecho al voto, derecho de voto',
  },
  'Enforced disappearances': {
    en: 'enforced disappearance*, involuntary disappearance*, disappeared, disappearances',
    fr: 'disparition forcée, disparitions forcées, disparitions, disparus',
    es: 'desaparición forzada, desapariciones forzadas, desapariciones, desaparecidos',
  },
  Environment: {
    en: 'environmental, climate change, climate, pollution, deforestation, healthy environment, clean environment, protection of the environment, natural environment',
    fr: 'environnement, environnemental*, changement climatique, changements climatiques, climat, pollution, déforestation',
    es: 'medio ambiente, ambiental*, cambio climático, clima, contaminación, deforestación',
  },
  'Extrajudicial executions': {
    en: 'extrajudicial*, extra-judicial, summary execution*, arbitrary execution*, unlawful killing*, arbitrary killing*',
    fr: 'extrajudiciaire*, exécutions sommaires, exécutions arbitraires',
    es: 'extrajudicial*, ejecuciones sumarias, ejecuciones arbitrarias',
  },
  'Freedom of association and peaceful assembly': {
    en: 'freedom of association, freedom of assembly, peaceful assembly, right to assembly, trade union*, demonstrators, protesters, peaceful protest*',
    fr: "liberté d'association, liberté de réunion, réunion pacifique, rassemblement pacifique, rassemblements pacifiques, manifestants, syndicats, liberté syndicale",
    es: 'libertad de asociación, libertad de reunión, reunión pacífica, manifestantes, protesta pacífica, protestas pacíficas, sindicatos, libertad sindical',
  },
  'Freedom of movement': {
    en: 'freedom of movement, travel ban*, exit visa*, right to leave, movement restrictions, restrictions on movement',
    fr: 'liberté de circulation, liberté de mouvement, interdiction de voyager',
    es: 'libertad de circulación, libertad de movimiento, libertad de tránsito, prohibición de viajar',
  },
  'Freedom of opinion and expression': {
    en: 'freedom of expression, freedom of opinion, free expression, defamation, censorship, internet shutdown*, access to information, online expression',
    fr: "liberté d'expression, liberté d'opinion, diffamation, censure, accès à l'information",
    es: 'libertad de expresión, libertad de opinión, difamación, censura, acceso a la información',
  },
  'Freedom of religion and belief': {
    en: 'freedom of religion, religious freedom, freedom of belief, religion*, religious, blasphemy, apostasy, freedom of thought, conscience',
    fr: 'liberté de religion, liberté religieuse, religion*, religieu*, blasphème, apostasie, liberté de pensée, liberté de conscience, culte',
    es: 'libertad de religión, libertad religiosa, religión, religiones, religios*, blasfemia, apostasía, libertad de pensamiento, libertad de conciencia, culto',
  },
  'Freedom of the press': {
    en: 'journalist*, press, media, media freedom, press freedom, freedom of the press, bloggers',
    fr: 'journaliste*, presse, médias, liberté de la presse, blogueurs',
    es: 'periodista*, prensa, medios de comunicación, libertad de prensa, blogueros',
  },
  General: {
    en: 'human rights',
    fr: "droits de l'homme, droits humains",
    es: 'derechos humanos',
  },
  'HIV/AIDS': {
    en: 'HIV, AIDS, HIV/AIDS',
    fr: 'VIH, sida',
    es: 'VIH, sida',
  },
  'Human rights defenders': {
    en: 'human rights defender*, defenders, HRDs, activists, activist',
    fr: "défenseurs des droits de l'homme, défenseurs des droits humains, défenseur des droits de l'homme, défenseurs des droits, défenseuses, militants",
    es: 'defensores de los derechos humanos, defensores de derechos humanos, defensoras, defensores, activistas',
  },
  'Human rights education and training': {
    en: 'human rights education, human rights training, education on human rights, training on human rights, training in human rights, human rights awareness, human rights curricul*',
    fr: "éducation aux droits de l'homme, formation aux droits de l'homme, formation en matière de droits de l'homme, éducation aux droits humains, formation aux droits humains, enseignement des droits de l'homme",
    es: 'educación en derechos humanos, formación en derechos humanos, capacitación en derechos humanos, educación en materia de derechos humanos, capacitación en materia de derechos humanos',
  },
  'Human rights violations by state agents': {
    en: 'excessive use of force, use of force, police brutality, police violence, security forces, law enforcement officials, law enforcement officers, state agents, police abuse*',
    fr: "usage excessif de la force, recours excessif à la force, recours à la force, violences policières, forces de sécurité, forces de l'ordre, agents de l'État, agents des forces de l'ordre",
    es: 'uso excesivo de la fuerza, uso de la fuerza, violencia policial, fuerzas de seguridad, fuerzas del orden, agentes del Estado, brutalidad policial',
  },
  Impunity: {
    en: 'impunity, accountability, accountable, perpetrators, bring to justice, brought to justice',
    fr: 'impunité, auteurs, traduire en justice, traduits en justice, obligation de rendre des comptes',
    es: 'impunidad, autores, responsables, rendición de cuentas, llevar ante la justicia, comparecer ante la justicia',
  },
  'Indigenous peoples': {
    en: 'indigenous, first nations, aboriginal, UNDRIP, free prior and informed consent',
    fr: 'autochtone*, indigène*, consentement préalable',
    es: 'indígena*, pueblos originarios, consulta previa',
  },
  'Internally displaced persons': {
    en: 'internally displaced, IDP, IDPs, displaced persons, displaced people',
    fr: "déplacés internes, personnes déplacées, déplacées à l'intérieur",
    es: 'desplazados internos, desplazamiento interno, personas desplazadas',
  },
  'International humanitarian law': {
    en: 'international humanitarian law, humanitarian law, IHL, armed conflict*, Geneva Conventions, cluster munitions',
    fr: 'droit international humanitaire, droit humanitaire, conflit armé, conflits armés, conventions de Genève',
    es: 'derecho internacional humanitario, derecho humanitario, conflicto armado, conflictos armados, convenios de Ginebra',
  },
  'International instruments': {
    en: 'ratif*, accede, accession, optional protocol*, convention, covenant, Rome Statute, reservation*, become party, become a party, acceding',
    fr: 'ratif*, adhérer, adhésion, adhère, protocole facultatif, protocoles facultatifs, convention, pacte, statut de Rome, réserves, réserve',
    es: 'ratific*, adherirse, adhesión, adhiera, protocolo facultativo, protocolos facultativos, convención, pacto, estatuto de Roma, reserva*',
  },
  Justice: {
    en: 'judiciary, judicial, justice system, fair trial*, judges, courts, legal aid, access to justice, due process, administration of justice, juvenile justice, rule of law, lawyers, criminal justice, transitional justice',
    fr: "judiciaire*, système de justice, procès équitable, juges, tribunaux, aide juridictionnelle, accès à la justice, état de droit, avocats, justice transitionnelle, justice pénale, justice pour mineurs",
    es: 'judicial*, sistema de justicia, juicio justo, debido proceso, jueces, tribunales, asistencia jurídica, acceso a la justicia, estado de derecho, abogados, justicia transicional, justicia penal, justicia juvenil',
  },
  Labour: {
    en: 'labour, labor, worker*, employment, working conditions, minimum wage, forced labour, child labour, kafala, ILO, unemployment',
    fr: "travailleur*, travailleuse*, emploi, conditions de travail, travail forcé, travail des enfants, droit du travail, code du travail, OIT, chômage, salaire minimum",
    es: 'trabajador*, empleo, condiciones de trabajo, trabajo forzoso, trabajo infantil, laboral*, OIT, desempleo, salario mínimo',
  },
  Migrants: {
    en: 'migrant*, migration, migratory',
    fr: 'migrant*, migration*, migratoire*',
    es: 'migrante*, migración, migratori*',
  },
  Minorities: {
    en: 'minorit*, ethnic groups, Roma, national minorities, caste, Dalit*',
    fr: 'minorité*, Roms, groupes ethniques',
    es: 'minoría*, grupos étnicos, romaní, gitanos',
  },
  'National human rights institution': {
    en: 'national human rights institution*, NHRI, Paris Principles, ombudsman, ombudsperson, human rights commission',
    fr: "institution nationale des droits de l'homme, institution nationale des droits humains, principes de Paris, médiateur, ombudsman, commission nationale des droits de l'homme",
    es: 'institución nacional de derechos humanos, principios de París, defensoría del pueblo, defensor del pueblo, ombudsman, comisión nacional de derechos humanos',
  },
  'National plan of action': {
    en: 'national action plan*, national plan* of action, action plan*, plan* of action, national strategy, national strategies',
    fr: "plan d'action, plans d'action, plan national, stratégie nationale",
    es: 'plan de acción, planes de acción, plan nacional, estrategia nacional',
  },
  Other: { en: '', fr: '', es: '' },
  Poverty: {
    en: 'poverty, poor, poorest',
    fr: 'pauvreté, pauvres',
    es: 'pobreza, pobres',
  },
  'Public security': {
    en: 'public security, public safety, state of emergency, emergency measures, organized crime, organised crime, crime prevention, citizen security',
    fr: "sécurité publique, état d'urgence, crime organisé, criminalité organisée",
    es: 'seguridad pública, seguridad ciudadana, estado de emergencia, estado de excepción, crimen organizado, delincuencia organizada',
  },
  'Racial discrimination': {
    en: 'racial discrimination, racism, racist, racial, xenophob*, CERD, hate speech, hate crime*, people of African descent, afro-descendant*',
    fr: 'discrimination raciale, racisme, raciste*, racial*, xénophob*, discours de haine, crimes de haine, afrodescendant*',
    es: 'discriminación racial, racismo, racista*, racial*, xenofob*, discurso de odio, delitos de odio, afrodescendiente*',
  },
  'Right to education': {
    en: 'right to education, access to education, education for all, quality education, inclusive education, primary education, secondary education, free education, school*, enrol*, literacy, illiteracy, dropout, drop-out, education system',
    fr: "droit à l'éducation, accès à l'éducation, éducation inclusive, éducation de qualité, école*, scolari*, enseignement primaire, enseignement secondaire, analphabét*, alphabétisation, système éducatif",
    es: 'derecho a la educación, acceso a la educación, educación inclusiva, educación de calidad, escuela*, escolar*, enseñanza primaria, educación primaria, analfabetismo, alfabetización, sistema educativo',
  },
  'Right to food': {
    en: 'right to food, food security, food insecurity, malnutrition, hunger, nutrition',
    fr: "droit à l'alimentation, sécurité alimentaire, insécurité alimentaire, malnutrition, faim",
    es: 'derecho a la alimentación, seguridad alimentaria, inseguridad alimentaria, desnutrición, malnutrición, hambre',
  },
  'Right to health': {
    en: 'health, healthcare, maternal mortality, infant mortality, medical, hospitals',
    fr: 'santé, soins médicaux, soins de santé, mortalité maternelle, mortalité infantile, hôpitaux',
    es: 'salud, sanitari*, atención médica, mortalidad materna, mortalidad infantil, hospitales',
  },
  'Right to housing': {
    en: 'housing, homeless*, forced eviction*, evictions, adequate shelter',
    fr: 'logement*, sans-abri, expulsions forcées, expulsions',
    es: 'vivienda*, desalojo*, personas sin hogar',
  },
  'Right to land': {
    en: 'land, lands, land rights, land tenure, land grabbing, ancestral lands',
    fr: 'foncier*, foncière*, terres, droit à la terre',
    es: 'tierra*, tenencia de la tierra, territorios ancestrales',
  },
  'Right to water': {
    en: 'right to water, drinking water, safe water, clean water, water and sanitation, sanitation',
    fr: "droit à l'eau, eau potable, assainissement",
    es: 'derecho al agua, agua potable, saneamiento',
  },
  'Rights of the child': {
    en: 'child*, juvenile*, minors, birth registration, corporal punishment, adolescent*, CRC, boys and girls, girls and boys',
    fr: "enfant*, mineurs, enregistrement des naissances, châtiments corporels, adolescent*, mariage précoce, mariages précoces",
    es: 'niño*, niña*, infancia, infantil*, menores, registro de nacimientos, castigo corporal, castigos corporales, adolescente*, matrimonio infantil',
  },
  'Sexual orientation and gender identity': {
    en: 'sexual orientation, gender identity, LGBT*, same-sex, homosexual*, transgender, intersex',
    fr: 'orientation sexuelle, identité de genre, LGBT*, même sexe, homosexu*, transgenre*, intersexe*',
    es: 'orientación sexual, identidad de género, LGBT*, mismo sexo, homosexual*, transgénero*, intersexual*',
  },
  'Special procedures': {
    en: 'special procedures, special rapporteur*, standing invitation, mandate holders, mandate-holders, country visit*, visit requests',
    fr: 'procédures spéciales, rapporteur spécial, rapporteurs spéciaux, rapporteuse spéciale, invitation permanente, titulaires de mandat',
    es: 'procedimientos especiales, relator especial, relatores especiales, relatora especial, invitación permanente, titulares de mandatos',
  },
  'Technical assistance and cooperation': {
    en: 'technical assistance, technical cooperation, capacity building, capacity-building, international cooperation, financial assistance, OHCHR, Office of the High Commissioner, international community',
    fr: 'assistance technique, coopération technique, renforcement des capacités, coopération internationale, Haut-Commissariat, communauté internationale',
    es: 'asistencia técnica, cooperación técnica, fomento de la capacidad, creación de capacidad, cooperación internacional, ACNUDH, Alto Comisionado, comunidad internacional',
  },
  'Torture and other cruel, inhuman or degrading treatment': {
    en: 'torture, ill-treatment, ill treatment, cruel, inhuman, degrading treatment, OPCAT, national preventive mechanism',
    fr: 'torture, mauvais traitements, traitements cruels, traitements inhumains, mécanisme national de prévention',
    es: 'tortura, malos tratos, tratos crueles, tratos inhumanos, mecanismo nacional de prevención',
  },
  Trafficking: {
    en: 'trafficking, trafficked, traffickers, smuggling of migrants, Palermo Protocol',
    fr: "la traite, de la traite, traite des êtres humains, traite des personnes, traite d'êtres humains, traite des femmes, trafic de personnes, trafic d'êtres humains",
    es: 'la trata, de la trata, trata de personas, trata de mujeres, trata de seres humanos, tráfico de personas, tráfico de seres humanos',
  },
  'Treaty bodies': {
    en: 'treaty bodies, treaty body, concluding observations, periodic report*, overdue report*, Committee against Torture, Human Rights Committee, Committee on the Rights, Committee on the Elimination, treaty monitoring',
    fr: 'organes conventionnels, organes de traités, observations finales, rapports périodiques, rapport périodique, rapports en retard, comité contre la torture, comité des droits, comité pour l’élimination',
    es: 'órganos de tratados, órganos creados en virtud de tratados, observaciones finales, informes periódicos, informe periódico, informes atrasados, comité contra la tortura, comité de derechos, comité para la eliminación',
  },
  'UPR process': {
    en: 'Universal Periodic Review, UPR, mid-term report, midterm report, national mechanism for reporting and follow-up, NMRF',
    fr: 'examen périodique universel, EPU, rapport à mi-parcours',
    es: 'examen periódico universal, EPU, informe de mitad de período, informe de medio término',
  },
  "Women's rights": {
    en: 'women, woman, girls, gender equality, gender-based violence, domestic violence, violence against women, female genital mutilation, FGM, CEDAW, femicide, gender parity, gender discrimination, gender mainstreaming, maternal',
    fr: 'femme*, filles, égalité des sexes, égalité entre les femmes et les hommes, égalité de genre, violence domestique, violences domestiques, violence conjugale, violences conjugales, mutilations génitales, excision, féminicide*, violence fondée sur le genre, violences fondées sur le genre',
    es: 'mujer*, niñas, igualdad de género, violencia doméstica, violencia de género, violencia contra la mujer, mutilación genital, feminicidio*, femicidio*',
  },
};
