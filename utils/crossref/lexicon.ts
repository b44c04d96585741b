// The shared vocabulary that lets recommendations be compared across English, French and Spanish and across the
// ways an instrument is named: each instrument's full names and abbreviations in the three languages become one
// token ("Pacte international relatif aux droits civils et politiques", "PIDCP", "ICCPR" → `iccpr`), and the
// words the UPR keeps using become one concept token each (ratify / ratifier / ratificar → `ratify`). Words that
// are not listed still meet their twin when they are regular cognates (-ción/-tion, -ité/-idad/-ity, -ique/-ico/
// -ic…). Everything here works on folded text (lower case, no accents: utils/classify's foldText).

/** Instrument phrases, tried in order on folded text with every run of non-letters as one space. */
const INSTRUMENTS: readonly [token: string, pattern: string][] = [
  // Full names first, in EN / FR / ES; "the"/"la"/"del" and commas vary, so those are optional.
  ['iccpr', 'international covenant on civil and political rights|pacte international relatif aux droits civils et politiques|pacto internacional de derechos civiles y politicos'],
  ['icescr', 'international covenant on economic social and cultural rights|pacte international relatif aux droits economiques sociaux et culturels|pacto internacional de derechos economicos sociales y culturales'],
  ['cedaw', '(?:the )?convention on the elimination of all forms of discrimination against women|convention sur l elimination de toutes les formes de discrimination a l egard des femmes|convencion sobre la eliminacion de todas las formas de discriminacion contra la mujer'],
  ['cerd', '(?:the )?international convention on the elimination of all forms of racial discrimination|convention internationale sur l elimination de toutes les formes de discrimination raciale|convencion internacional sobre la eliminacion de todas las formas de discriminacion racial'],
  ['cat', 'convention against torture(?: and other cruel inhuman or degrading treatment or punishment)?|convention contre la torture(?: et autres peines ou traitements cruels inhumains ou degradants)?|convencion contra la tortura(?: y otros tratos o penas crueles inhumanos o degradantes)?'],
  ['crc', 'convention on the rights of the child|convention relative aux droits de l enfant|convencion sobre los derechos del nino'],
  ['crpd', 'convention on the rights of persons with disabilities|convention relative aux droits des personnes handicapees|convencion sobre los derechos de las personas con discapacidad'],
  ['cmw', 'international convention on the protection of the rights of all migrant workers and members of their families|convention internationale sur la protection des droits de tous les travailleurs migrants et des membres de leur famille|convencion internacional sobre la proteccion de los derechos de todos los trabajadores migratorios y de sus familiares'],
  ['cped', 'international convention for the protection of all persons from enforced disappearance|convention internationale pour la protection de toutes les personnes contre les disparitions forcees|convencion internacional para la proteccion de todas las personas contra las desapariciones forzadas'],
  ['romestatute', 'rome statute(?: of the international criminal court)?|statut de rome(?: de la cour penale internationale)?|estatuto de roma(?: de la corte penal internacional)?'],
  ['icc', 'international criminal court|cour penale internationale|corte penal internacional'],
  ['nhri', 'national human rights institutions?|institutions? nationales? des droits de l homme|institutions? nationales? des droits humains|instituciones? nacional(?:es)? de derechos humanos'],
  ['fgm', 'female genital mutilations?|mutilations? genitales? feminines?|mutilacion(?:es)? genital(?:es)? femenina'],
  ['deathpenalty', 'death penalty|capital punishment|peine de mort|peine capitale|pena de muerte|pena capital'],
  ['lgbti', 'lesbian gay bisexual transgender(?: and)? intersex(?: persons| people)?|lgbti?q?|lgbtiq'],
  // Abbreviations, in every language's spelling.
  ['iccpr', 'iccpr|pidcp|ccpr'],
  ['icescr', 'icescr|pidesc|cescr'],
  ['cedaw', 'cedaw|cedef'],
  ['cerd', 'icerd|cerd|ciedr'],
  ['crc', 'cde|cdn'],
  ['crpd', 'crpd|cdph|cdpd'],
  ['cmw', 'icrmw|icmw|cmw|ictm'],
  ['cped', 'icpped|cped|cippdf|ced'],
  ['nhri', 'nhri|indh'],
  ['opcat', 'op cat|opcat|opcct'],
];

// "Second Optional Protocol to the ICCPR" and its FR/ES forms, once the instrument is a token: `op2iccpr`.
const OPTIONAL_PROTOCOL =
  /\b(?:(second|deuxieme|segundo) )?(?:optional protocols?|protocoles? facultatifs?|protocolos? facultativos?)(?: (second|deuxieme|segundo))?(?: (?:se rapportant|relatifs?|relatives?|additionnels?))?(?: (?:to|of|a|au|aux|de|del))?(?: (?:the|la|le|l|el|los))? (iccpr|icescr|cedaw|cerd|cat|crc|crpd|cmw|cped)\b/g;
// "ICCPR-OP2", "OP2-ICCPR", "OP-CRC", "OP-CEDAW".
const ABBREVIATED_PROTOCOL = /\b(?:op ?(2)? (iccpr|icescr|cedaw|crc|crpd)|(iccpr) op ?(2))\b/g;

const INSTRUMENT_TRIGGER =
  /covenant|pacte|pacto|conven|statut|estatut|protoc|court|cour|corte|institut|mutilat|penal|peine|pena|punish|lgbt|lesbian|\b(?:iccpr|pidcp|ccpr|icescr|pidesc|cescr|cedaw|cedef|icerd|cerd|ciedr|cde|cdn|crpd|cdph|cdpd|icrmw|icmw|cmw|ictm|icpped|cped|cippdf|ced|nhri|indh|op|opcat|opcct|cat|crc)\b/;

// One pass over the text: each instrument's pattern is one capturing group (its own groups do not capture), tried
// in the table's order at each place, so a full name wins over an abbreviation inside it.
const INSTRUMENT_PATTERN = new RegExp(`\\b(?:${INSTRUMENTS.map(([, pattern]) => `(${pattern})`).join('|')})\\b`, 'g');
const INSTRUMENT_TOKENS = INSTRUMENTS.map(([token]) => ` ${token} `);

/** Instrument names and abbreviations as one token each; `spaced` is folded text with non-letters as single spaces. */
export function normalizeInstruments(spaced: string): string {
  if (!INSTRUMENT_TRIGGER.test(spaced)) return spaced;
  let out = spaced;
  out = out.replace(INSTRUMENT_PATTERN, (...args: unknown[]) => INSTRUMENT_TOKENS[args.slice(1, INSTRUMENTS.length + 1).findIndex((g) => g !== undefined)]!);
  out = out.replace(/ +/g, ' ');
  out = out.replace(OPTIONAL_PROTOCOL, (_m, before: string | undefined, after: string | undefined, instrument: string) => ` op${before || after ? '2' : ''}${instrument} `);
  out = out.replace(ABBREVIATED_PROTOCOL, (_m, two: string | undefined, a: string | undefined, b: string | undefined, twoAfter: string | undefined) => ` op${two || twoAfter ? '2' : ''}${a ?? b} `);
  out = out.replace(/ +/g, ' ');
  // The second protocol to the ICCPR is the one "aiming at the abolition of the death penalty": saying so adds nothing.
  out = out.replace(/\bop2iccpr (?:aiming at the abolition of the deathpenalty|visant a abolir la deathpenalty|destinado a abolir la deathpenalty)\b/g, 'op2iccpr');
  return out;
}

// Concept → its forms (folded; plural "s" forms are found through the stem, so rarely listed).
const CONCEPTS = `
ratify: ratify ratifies ratifying ratified ratification ratifier ratifie ratifient ratifiant ratifiez ratificar ratifique ratifiquen ratifica ratifiquer ratificacion ratifie
accede: accede accedes acceding accession adherer adhere adherent adhesion adherir adhiera adhieran acceder
adopt: adopt adopts adopting adopted adoption adopter adopte adoptent adoptant adoptar adopte adopten adopta adopcion
amend: amend amends amending amended amendment modifier modifie modifient modification enmendar enmiende enmienda modificar modifique reformar reforme reforma revise revision reviser
abolish: abolish abolishes abolishing abolition abolir abolisse abolissent aboli abolicion suprimir
ensure: ensure ensures ensuring guarantee guarantees guaranteeing garantir garantisse garantissent garantit veiller veille assurer assure assurent garantizar garantice garanticen garantiza asegurar asegure aseguren velar vele
strengthen: strengthen strengthens strengthening reinforce renforcer renforce renforcent renforcement fortalecer fortalezca fortalezcan fortalecimiento reforzar refuerce refuerzo consolidate consolider consolidar
continue: continue continues continuing pursue pursuing poursuivre poursuive poursuivent continuer continuar continue continuen siga sigan seguir persevere perseverer perseverar maintain maintenir mantener
consider: consider considers considering envisage envisager envisage considerer examiner examine considerar considere consideren estudiar estudie examinar examine
take: take takes taking prendre prenne prennent tomar tome tomen
measure: measure mesure medida step
effort: effort esfuerzo
establish: establish establishes establishing establishment create creating creation etablir etablisse etablissent creer cree creent creation establecer establezca establezcan establecimiento crear creen creacion set
implement: implement implements implementing implementation oeuvre appliquer applique appliquent application aplicar aplique apliquen aplicacion implementar implemente implementen
investigate: investigate investigates investigating investigation enqueter enquete enquetes investiguer investigar investigue investiguen investigacion
prosecute: prosecute prosecuting prosecution juger poursuites enjuiciar enjuicie enjuiciamiento procesar sancionar sanction punish punir castigar
protect: protect protects protecting protection proteger protege protegent proteccion
eliminate: eliminate eliminates eliminating elimination eliminer elimine eliminent eliminar elimine eliminen eradicate eradiquer erradicar
combat: combat combating combatting fight fighting lutter lutte luttent combattre luchar lucha luche combatir combata
prevent: prevent prevents preventing prevention prevenir previenne prevencion prevenga impedir empecher
promote: promote promotes promoting promotion promouvoir promeuve promotion promover promueva promocion fomentar fomente foster
respect: respect respecter respecte respeto respetar respete
release: release releasing liberer libere liberent liberation liberar libere liberen liberacion
repeal: repeal repeals repealing abroger abroge abrogation derogar derogue derogacion
decriminalize: decriminalize decriminalise decriminalization decriminalisation depenaliser depenalise depenalisation despenalizar despenalice despenalizacion
criminalize: criminalize criminalise criminalizing criminaliser criminalise penaliser criminalizar criminalice tipificar tipifique
cooperate: cooperate cooperation cooperer coopere cooperar coopere cooperacion
invite: invite invitation inviter invitar invite invitacion standing permanente
harmonize: harmonize harmonise align line accordance conformement conforme harmoniser harmonisation armonizar armonice armonizacion conformity conformite conformidad
develop: develop develops developing elaborate elaborer elabore elaborar elabore desarrollar desarrolle
increase: increase increasing accroitre augmenter augmente aumentar aumente incrementar intensify intensifier intensificar redouble redoubler redoblar
provide: provide provides providing allocate fournir fournisse allouer dote doter proporcionar proporcione dotar asignar
end: end ending fin
women: women woman femme mujer mujere femenina female feminine
girl: girl fille nina
child: child children enfant enfance nino ninos infancia minor mineur menor
torture: torture tortura ill treatment mauvais traitement malo trato
death: death mort muerte
penalty: penalty peine pena
moratorium: moratorium moratoire moratoria
journalist: journalist journaliste periodista reporter
media: media medias medio
freedom: freedom liberty liberte libertad
expression: expression expresion opinion
assembly: assembly reunion assemblee asamblea peaceful pacifique pacifica pacifico
association: association asociacion
religion: religion religious religieuse religieux religiosa religioso culte culto
belief: belief conviction croyance creencia
human: human homme humain humaine humano humana
right: right droit derecho
national: national nationale nacional
institution: institution institucion
defender: defender defenseur defenseure defensor defensora
violence: violence violencia violent
domestic: domestic domestique domestica familiale intrafamiliar conjugale
discrimination: discrimination discriminacion discriminatory discriminatoire discriminatorio
law: law legislation loi legislative legislatif ley legislacion legislativo legal juridique juridico
disability: disability disabilitie disabilities handicap handicapee handicape handicapees discapacidad
person: person people personne persona individual individu
migrant: migrant migrante migratorio
worker: worker travailleur trabajador
refugee: refugee refugie refugiado
asylum: asylum asile asilo
trafficking: trafficking traite trata trafic
education: education educacion enseignement ensenanza school ecole escuela
health: health sante salud
sexual: sexual sexuel sexuelle
orientation: orientation orientacion
gender: gender genre genero
identity: identity identite identidad
equality: equality egalite igualdad equal egal igual
police: police policia
detention: detention detencion detenu detained detenido custody garde
prison: prison prision carcel penitentiary penitentiaire penitenciario
court: court cour tribunal corte juridiction
judicial: judicial judiciaire judiciary poder
independence: independence independance independencia independent independant independante independiente
civil: civil civile
society: society societe sociedad
organization: organization organisation organizacion ngo ong
marriage: marriage mariage matrimonio
early: early precoce precoz forced force forcee forzado forzada enforced
disappearance: disappearance disparition desaparicion
mechanism: mechanism mecanisme mecanismo
preventive: preventive preventif preventive preventivo
indigenous: indigenous autochtone indigene indigena
minority: minority minorite minoria
racial: racial raciale racism racisme racismo
hate: hate haine odio
speech: speech discours discurso
arbitrary: arbitrary arbitraire arbitraria arbitrario
election: election eleccion electoral
special: special speciale especial
procedure: procedure procedimiento
visit: visit visite visita
request: request demande solicitud
body: body organe organo
convention: convention convencion
protocol: protocol protocole protocolo
optional: optional facultatif facultativo
covenant: covenant pacte pacto
international: international internationale internacional
plan: plan
crime: crime delito infraction offence offense
war: war guerre guerra
include: include including compris inclus incluido incluidos incluso
act: act acts acte acto
terrorism: terrorism terrorist terrorisme terroriste terrorismo terrorista
extend: extend adresser cursar
adequate: adequate adequately adequat adequate adecuado adecuada suffisant sufficient suficiente
facilitate: facilitate ease faciliter facilitar
transfer: transfer move transferer transferir
principle: principle principe principio
action: action accion
strategy: strategy strategie estrategia
resource: resource resourced ressource recurso
poverty: poverty pauvrete pobreza
water: water eau agua
food: food alimentation alimentacion
housing: housing logement vivienda
labour: labour labor work travail trabajo employment emploi empleo
union: union syndicat sindicato syndical
justice: justice justicia
age: age edad
minimum: minimum minimal minimo
raise: raise relever elever elevar
criminal: criminal penal penale
responsibility: responsibility responsabilite responsabilidad
code: code codigo
perpetrator: perpetrator auteur autor responsable
victim: victim victime victima
access: access acces acceso
reparation: reparation reparacion compensation indemnisation indemnizacion remedy
birth: birth naissance nacimiento
registration: registration enregistrement registro inscription inscripcion
stateless: stateless statelessness apatride apatridie apatrida apatridia
nationality: nationality nationalite nacionalidad citizenship citoyennete ciudadania
same: same meme mismo misma
sex: sex sexe sexo
practice: practice pratique practica
harmful: harmful nefaste prejudiciable nociva nocivo
rape: rape viol violacion
marital: marital spousal conjugal conyugal
security: security securite seguridad safety
impunity: impunity impunite impunidad
accountability: accountability accountable
corruption: corruption corrupcion
environment: environment environnement ambiente climate climat clima
defamation: defamation diffamation difamacion
decree: decree decret decreto
government: government gouvernement gobierno state etat estado
use: use usage utilisation uso
force: excessive excessif excesivo
`;

const LEXICON: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const line of CONCEPTS.split('\n')) {
    const [concept, forms] = line.split(':');
    if (!concept || !forms) continue;
    for (const form of forms.trim().split(/\s+/)) if (!map.has(form)) map.set(form, concept.trim());
  }
  return map;
})();

// Regular cognate endings, Spanish and French to English, for the words the table leaves out.
const COGNATES: readonly [ending: string, english: string][] = [
  ['ccion', 'ction'],
  ['cion', 'tion'],
  ['idad', 'ity'],
  ['ite', 'ity'],
  ['ique', 'ic'],
  ['ico', 'ic'],
  ['ica', 'ic'],
  ['iste', 'ist'],
  ['ista', 'ist'],
  ['elle', 'al'],
  ['el', 'al'],
  ['ivo', 'ive'],
  ['iva', 'ive'],
  ['if', 'ive'],
];
const MIN_COGNATE_LENGTH = 6;

/** The concept a word stands for in any of the three languages, else its cognate English-looking form. */
export function conceptOf(token: string, stemmed: string): string {
  const known = LEXICON.get(token) ?? LEXICON.get(stemmed);
  if (known) return known;
  if (stemmed.length >= MIN_COGNATE_LENGTH) {
    for (const [ending, english] of COGNATES) {
      if (stemmed.endsWith(ending)) {
        const cognate = stemmed.slice(0, -ending.length) + english;
        return LEXICON.get(cognate) ?? cognate;
      }
    }
  }
  return stemmed;
}
