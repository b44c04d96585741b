// UPR Info's action categories, as tables of first verbs in English, French and Spanish. DOMAIN.md marks UPR Info's
// own verb lists as unverified; the lemmas beyond them are our reading of the scheme (1 asks for help or shares,
// 2 continues, 3 considers, 4 general action, 5 a specific, checkable act). Correct a verb here, nowhere else.
//
// How an entry reads: "lemma" or "lemma|form|form…". Regular forms are generated from the lemma (EN: -s, -ing;
// FR -er/-ir: -e, -ent, -ez, -ant, -isse…; ES -ar/-er/-ir: -a, -e, -an, -en, -ando/-iendo, with c→qu, g→gu,
// z→c); irregular forms follow the "|". In a multi-word entry ("mettre en œuvre|mette|met") the forms replace the
// first word only. Accents and case do not matter.
import type { ActionCategory } from '@/utils/model';

export interface VerbEntry {
  category: ActionCategory;
  en?: readonly string[];
  fr?: readonly string[];
  es?: readonly string[];
}

const words = (list: string): string[] => list.split(',').map((w) => w.trim()).filter(Boolean);

export const VERB_TABLE: readonly VerbEntry[] = [
  {
    category: 1,
    en: words('call on, call upon, call for, seek|sought, share, request, ask, solicit, exchange, avail itself, appeal to, enlist'),
    fr: words(`faire appel|fasse|fait|faisant|faites, solliciter, partager, demander, rechercher, échanger`),
    es: words('solicitar, compartir, pedir|pida|pide|pidiendo|pidan, recabar, buscar, intercambiar, recurrir'),
  },
  {
    category: 2,
    en: words(
      'continue, maintain, persevere, pursue, sustain, keep|kept, persist, carry on|carries|carrying, go on|goes|going, remain, ' +
        'stay committed|stays|staying, proceed with|proceeds|proceeding, stick to|sticks|sticking, keep up|keeps|keeping',
    ),
    fr: words(
      'continuer, poursuivre|poursuive|poursuit|poursuivent|poursuivez|poursuivant, maintenir|maintienne|maintient|maintiennent|maintenez|maintenant, ' +
        'persévérer, persister, rester',
    ),
    es: words(
      'continuar|continúe|continúa|continúen|continúan, seguir|siga|sigue|sigan|siguen|siguiendo, proseguir|prosiga|prosigue|prosiguiendo, ' +
        'mantener|mantenga|mantiene|mantengan|manteniendo, perseverar, persistir, sostener|sostenga|sostiene',
    ),
  },
  {
    category: 3,
    en: words(
      'consider, envisage, explore, reflect upon, reflect on, review, study, examine, look into, assess, evaluate, reconsider, ' +
        'contemplate, analyse, analyze, give consideration|gives|giving, give due consideration|gives|giving, give serious consideration|gives|giving, ' +
        'take into consideration|takes|taking|took, revise, revisit, keep under consideration|keeps|keeping|kept, ' +
        'keep under review|keeps|keeping|kept',
    ),
    fr: words(
      'envisager, examiner, étudier, explorer, réfléchir, revoir|revoie|revoit|revoyant, réexaminer, considérer, évaluer, analyser, ' +
        'prendre en considération|prenne|prend|prennent|prenant|prenez',
    ),
    es: words(
      'considerar, contemplar, estudiar, explorar, examinar, reflexionar, revisar, evaluar, analizar, reconsiderar, ' +
        'tomar en consideración, plantearse|se plantee|plantee|plantea, plantear, sopesar',
    ),
  },
  {
    category: 4,
    en: words(
      'accelerate, address, encourage, engage, ensure, guarantee, intensify, promote, strengthen, take|took|taken, respect, speed up, ' +
        'step up, scale up, enhance, improve, increase, reinforce, redouble, make|made, protect, combat, fight, tackle, prevent, foster, ' +
        'facilitate, support, uphold, safeguard, secure, provide, prioritize, prioritise, cooperate, collaborate, comply, work, strive, ' +
        'endeavour, endeavor, expand, broaden, bolster, boost, deepen, advance, raise, mainstream, focus, devote, invest, ' +
        'empower, counter, curb, put, apply, follow up, give|gave|given, permit, refrain, seek to|sought to,  redress, remedy, combat, ' +
        'expedite, harness, mobilize, mobilise, monitor, integrate, abide by|abides|abiding|abided, honour, honor, observe, ' +
        // Lead-ins of effort: "Do everything in its power to …", "Try to …", "Move swiftly to …".
        'do everything|does, do its utmost|does, do all|does, do whatever|does, do more|does, try|tried, move',
    ),
    fr: words(
      "accélérer, attaquer, encourager, engager, veiller, assurer, garantir, intensifier, " +
        'promouvoir|promeuve|promeut|promeuvent|promouvant|promouvez, renforcer, prendre|prenne|prend|prennent|prenant|prenez, respecter, ' +
        'redoubler, améliorer, accroître|accroisse|accroit|accroissant, augmenter, protéger, combattre|combatte|combat|combattant, ' +
        'lutter, prévenir|prévienne|prévient|prévenant, favoriser, faciliter, soutenir|soutienne|soutient|soutenant, appuyer|appuie|appuient, ' +
        'fournir, offrir|offre|offrent|offrant, coopérer, collaborer, conformer, œuvrer, efforcer, travailler, élargir, approfondir, ' +
        'sensibiliser, faire|fasse|fait|faisant|faites, traiter, remédier, consacrer, investir, réduire|réduise|réduit|réduisant, ' +
        'mettre|mette|met|mettent|mettant|mettez, tenir compte|tienne|tient|tenant, permettre|permette|permet|permettant, ' +
        'mobiliser, surveiller, donner, accorder la priorité, intégrer',
    ),
    es: words(
      'acelerar, abordar, alentar|aliente|alienta, fomentar, velar, asegurar, garantizar, intensificar, ' +
        'promover|promueva|promueve|promuevan|promoviendo, fortalecer|fortalezca|fortalece|fortalezcan|fortaleciendo, ' +
        'reforzar|refuerce|refuerza|refuercen, tomar, respetar, redoblar, mejorar, aumentar, incrementar, proteger|proteja|protejan, ' +
        'combatir, luchar, prevenir|prevenga|previene|previniendo, facilitar, apoyar, proporcionar, brindar, cooperar, colaborar, ' +
        'cumplir, trabajar, esforzarse|se esfuerce|esfuerce|esfuerza, ampliar|amplíe|amplía, profundizar, sensibilizar, ' +
        'hacer|haga|hace|hagan|haciendo, potenciar, impulsar, procurar, reducir|reduzca|reduce|reduciendo, hacer frente|haga|hace|haciendo, ' +
        'tener en cuenta|tenga|tiene|teniendo, permitir, vigilar, dotar, priorizar, integrar',
    ),
  },
  {
    category: 5,
    en: words(
      'abolish, accede, adhere, adopt, amend, conduct, criminalize, criminalise, decriminalize, decriminalise, develop, eliminate, enact, ' +
        'establish, implement, investigate, ratify, repeal, withdraw|withdrew|withdrawn, sign, create, set up, put in place, put an end, ' +
        'end, introduce, pass, approve, finalize, finalise, complete, submit, extend, issue, accept, lift, remove, release, prosecute, ' +
        'punish, prohibit, ban, outlaw, halt, cease, stop, close, launch, allocate, train, publish, collect, designate, appoint, ' +
        'recognize, recognise, grant, include, incorporate, domesticate, transpose, legislate, define, reinstate, restore, ' +
        'institute, declare, compensate, undertake|undertook, carry out|carries|carrying|carried, organize, organise, invite, ' +
        'reform, harmonize, harmonise, align, bring|brought, revoke, rescind, abrogate, dismantle, destroy, regulate, register, update, ' +
        'draft, formulate, elaborate, design, modify, fund, build|built, construct, open, impose, commute, deploy, operationalize, ' +
        'operationalise, enforce, eradicate, free, hold|held, deliver, enshrine, codify, ' +
        'report, become|became, join, agree, endorse, receive, respond, allow, commit, reduce, set|set, compile, draw up|drew|drawn, ' +
        'record, annul, suspend, resume, install, communicate, renew, transmit, penalize, penalise, demobilize, demobilise, ' +
        'delete, suppress, reopen, convene, recruit, arrest, conclude, upgrade, prepare, acknowledge, denounce, ' +
        'track down',
    ),
    fr: words(
      'abolir, adhérer|adhère, adopter, amender, modifier, développer, mener|mène, conduire|conduise|conduit|conduisant, incriminer, ' +
        'ériger en infraction, criminaliser, pénaliser, dépénaliser, décriminaliser, élaborer, éliminer, promulguer, établir, créer, ' +
        'mettre en œuvre|mette|met|mettent|mettant|mettez, mettre fin|mette|met|mettent|mettant|mettez, ' +
        'mettre un terme|mette|met|mettent|mettant|mettez, mettre en place|mette|met|mettent|mettant|mettez, ' +
        'appliquer, enquêter, ratifier, abroger, retirer, signer, instaurer, introduire|introduise|introduit|introduisant, ' +
        'approuver, finaliser, achever|achève, soumettre|soumette|soumet|soumettant, présenter, adresser, lancer, accepter, ' +
        'lever|lève, libérer, poursuivre en justice|poursuive|poursuit|poursuivant, punir, sanctionner, interdire|interdise|interdit|interdisant, ' +
        'cesser, fermer, allouer, former, publier, collecter, recueillir|recueille|recueillant, désigner, nommer, ' +
        'reconnaître|reconnaisse|reconnait|reconnaissant, accorder, inclure|inclue|inclut|incluant, incorporer, transposer, ' +
        'légiférer, définir, rétablir, instituer, déclarer, indemniser, entreprendre|entreprenne|entreprend|entreprenant, organiser, ' +
        'inviter, réviser, réformer, harmoniser, aligner, révoquer, démanteler, détruire|détruise|détruit|détruisant, réglementer, ' +
        'enregistrer, actualiser, rédiger, formuler, concevoir|conçoive|conçoit|concevant, financer, construire|construise|construit|construisant, ' +
        'ouvrir|ouvre|ouvrent|ouvrant, imposer, commuer, procéder, déployer|déploie, opérationnaliser, faire respecter|fasse|fait|faisant, ' +
        'inscrire|inscrive|inscrit|inscrivant, codifier, supprimer, retirer, rouvrir|rouvre|rouvrent|rouvrant, convoquer, recruter, ' +
        'arrêter, conclure|conclue|conclut|concluant, préparer, dénoncer',
    ),
    es: words(
      'abolir, adherirse|se adhiera|adhiera|adhiere|adhiriéndose, adherir, adoptar, enmendar, modificar, ' +
        'llevar a cabo, realizar, tipificar, penalizar, despenalizar, elaborar, desarrollar, eliminar, promulgar, ' +
        'establecer|establezca|establece|establezcan|estableciendo, crear, implementar, aplicar, investigar, ratificar, derogar, retirar, ' +
        'firmar, instaurar, introducir|introduzca|introduce|introduciendo, aprobar|apruebe|aprueba, finalizar, concluir|concluya|concluye, ' +
        'completar, presentar, cursar, extender|extienda|extiende|extiendan, aceptar, levantar, liberar, enjuiciar, sancionar, castigar, ' +
        'prohibir|prohíba|prohíbe, poner fin|ponga|pone|pongan|poniendo, poner término|ponga|pone|poniendo, ' +
        'poner en marcha|ponga|pone|poniendo, poner en práctica|ponga|pone|poniendo, cesar, cerrar|cierre|cierra, asignar, capacitar, ' +
        'formar, publicar, recopilar, recoger|recoja|recoge, designar, nombrar, reconocer|reconozca|reconoce|reconociendo, conceder, ' +
        'otorgar, incluir|incluya|incluye|incluyendo, incorporar, legislar, definir, restablecer|restablezca|restablece, ' +
        'instituir|instituya|instituye, declarar, indemnizar, emprender, organizar, invitar, reformar, armonizar, revocar, desmantelar, ' +
        'destruir|destruya|destruye, regular, reglamentar, registrar, actualizar, redactar, formular, diseñar, financiar, ' +
        'construir|construya|construye, abrir, imponer|imponga|impone, conmutar, proceder, desplegar|despliegue|despliega, ' +
        'hacer cumplir|haga|hace|haciendo, ejecutar, suprimir, consagrar, codificar, reabrir, convocar, reclutar, detener|detenga|detiene, ' +
        'preparar, denunciar',
    ),
  },
];

/**
 * Participles that open a clause rather than ask for an act ("Including through …", "Recognizing the efforts made,
 * …"): never read as the deciding verb.
 */
export const NOT_VERB_FORMS: ReadonlySet<string> = new Set('including remaining recognizing recognising noting welcoming acknowledging bearing'.split(' '));

/** Words that may stand before the first verb: connectives, modal verbs, adverbs, articles, list markers. */
export const SKIPPABLE_WORDS: ReadonlySet<string> = new Set(
  (
    // English
    'to that the of should shall must will would may might also further furthermore additionally urgently fully effectively ' +
    'swiftly promptly immediately expeditiously actively firmly formally systematically rapidly quickly seriously genuinely ' +
    'strongly consistently duly please thoroughly officially publicly progressively gradually continuously resolutely ' +
    'vigorously adequately properly and or its it is be government authorities state as soon possible without delay ' +
    'effectively concretely explicitly unconditionally speedily timely once again still now henceforth finally lastly ' +
    // French
    'de d du des le la les l a au aux que qu s se en pleinement rapidement davantage encore egalement aussi urgence sans delai ' +
    'gouvernement doit devrait devraient doivent activement efficacement dument serieusement sans tarder immediatement ' +
    'resolument effectivement systematiquement officiellement progressivement ' +
    // Spanish
    'el los las lo al y e plenamente urgentemente rapidamente tambien ademas inmediatamente activamente debidamente ' +
    'seriamente efectivamente gobierno debe deberia deben deberian sistematicamente oficialmente progresivamente con ' +
    'caracter urgente prioritario prioritariamente cuanto antes ' +
    // list markers and roman numerals
    'i ii iii iv v vi vii viii ix x xi xii xiii xiv xv b c'
  ).split(/\s+/),
);

/**
 * Lead-in words left in front of a recommendation ("We recommend that X ratify", "Nous recommandons à X de",
 * "Recomendamos a X que"): past them, a few more unknown words (the state's name) may precede the verb.
 */
export const LEAD_IN_WORDS: ReadonlySet<string> = new Set(
  (
    'recommend recommends recommended recommending recommendation urge urges urged encouraged invited ' +
    'recommande recommandent recommandons recommander recommanderait recommanderions exhorte exhortons ' +
    'recomienda recomiendan recomendamos recomendar recomendaria recomendariamos insta instamos exhorta exhortamos'
  ).split(/\s+/),
);

/**
 * Verbs whose category is theirs whatever they act on: a treaty act, an end to something, a request for help.
 * Every other verb of category 4 or 5 takes its category from its object when the object tells ("adopt measures" is
 * general action, 4; "adopt a law" specific, 5), UPR Info's own line between the two.
 */
export const FIXED_LEMMAS: ReadonlySet<string> = new Set(
  (
    'ratify accede sign complete achever completar abolish criminalize criminalise decriminalize decriminalise repeal withdraw extend invite ' +
    'ratifier adherer signer abolir retirer abroger ratificar adherirse adherir firmar abolir derogar retirar'
  ).split(/\s+/),
);

/**
 * Light verbs of general action whose object alone says what is asked: "provide resources" is general (4),
 * "provide a timetable for the visit" specific (5). Other verbs of category 4 stay general whatever they act on
 * ("strengthen the national commission" is 4).
 */
export const LIGHT_LEMMAS: ReadonlySet<string> = new Set(
  (
    'take make give provide put allow apply commit carry ' +
    'prendre faire donner fournir mettre permettre appliquer ' +
    'tomar hacer dar proporcionar brindar poner permitir aplicar'
  ).split(/\s+/),
);

/**
 * Verbs that end something. Ending a wrong at large ("put an end to impunity", "eliminate discrimination") is
 * general action; ending a rule or a practice named ("remove the death penalty from the penal code", "end the
 * blockade") is specific.
 */
export const ENDING_LEMMAS: ReadonlySet<string> = new Set(
  'end eliminate eradicate remove stop eliminer eradiquer supprimer cesser eliminar erradicar suprimir cesar'.split(' '),
);

/** Wrongs at large, which an ending verb ends only by general action. */
export const WRONG_AT_LARGE_WORDS: ReadonlySet<string> = new Set(
  (
    'impunity discrimination torture violence violations restrictions constraints impediments obstacles inequality inequalities ' +
    'abuse abuses harassment intimidation stereotypes ' +
    'impunite discrimination discriminations torture violence violences violations restrictions obstacles inegalites abus ' +
    'impunidad discriminacion tortura violencia violaciones restricciones obstaculos desigualdad desigualdades abusos'
  ).split(/\s+/),
);

/** Where a rule is ended: in a text ("… from its legislation", "… in the penal code"). */
export const LEGAL_TEXT_WORDS: ReadonlySet<string> = new Set(
  'law laws legislation legal code provisions provision article norms act legislacion ley leyes codigo disposiciones loi lois code dispositions'.split(' '),
);

/** The object of a general act: measures, efforts, a policy or an approach rather than a law or a body. */
export const GENERAL_OBJECT_WORDS: ReadonlySet<string> = new Set(
  (
    'measures measure steps step efforts effort action actions approach approaches policy policies attention priority ' +
    'capacity capacities resources perspective cooperation dialogue mechanisms framework strategy strategies ways means ' +
    'environment climate conditions opportunities process processes funds funding ' +
    'mesures mesure efforts effort demarches action actions politique politiques strategie approche attention priorite cooperation ' +
    'ressources moyens fonds financement conditions environnement climat processus ' +
    'medidas medida esfuerzos esfuerzo acciones accion politica politicas estrategia enfoque atencion prioridad cooperacion ' +
    'recursos medios fondos financiacion financiamiento condiciones entorno clima proceso procesos'
  ).split(/\s+/),
);

/** The object of a specific act: a text, a body, an order given ("give clear instructions to the police") or a dated, checkable step. */
export const SPECIFIC_OBJECT_WORDS: ReadonlySet<string> = new Set(
  (
    'law laws legislation bill code statute convention protocol moratorium invitation invitations reservation reservations ' +
    'plan programme program campaign campaigns institution commission ombudsman ombudsperson committee definition census ' +
    'penalty reports report visit visits amendment amendments decree training trainings instructions orders ' +
    'loi lois legislation code convention protocole moratoire invitation reserves plan programme campagne institution ' +
    'commission mediateur definition rapport rapports visite formation formations instructions ordres ' +
    'ley leyes legislacion codigo convencion protocolo moratoria invitacion reservas plan programa campana institucion ' +
    'comision defensor definicion informe informes visita capacitacion instrucciones ordenes'
  ).split(/\s+/),
);

/**
 * Openers of a clause that precedes the recommendation proper ("With the support of the international community,
 * continue …", "In the light of its national realities, …"): the verb is looked for after the comma first.
 */
export const CLAUSE_OPENERS: ReadonlySet<string> = new Set(
  'with within in while recalling noting given bearing having as if when although despite recognizing recognising welcoming acknowledging mindful avec dans tout compte con dentro habida'.split(' '),
);

/** Nouns of specific acts: "including through the adoption of …", "in particular by ratification". */
export const SPECIFIC_ACT_NOUNS: ReadonlySet<string> = new Set(
  (
    'adoption establishment ratification enactment signature creation introduction abolition amendment accession ' +
    'criminalization criminalisation elaboration publication withdrawal repeal ' +
    'ratification adhesion creation abrogation elaboration ratificacion adhesion creacion aprobacion derogacion promulgacion'
  ).split(/\s+/),
);

/** Where a verb's object ends: its purpose ("to …", "in order to"), a clause, or a means ("by …"). */
export const OBJECT_BOUNDARY_WORDS: ReadonlySet<string> = new Set(
  'to towards toward that so by in through which with for pour afin que par dans vers para por con en hacia'.split(' '),
);

/**
 * First words that are not a verb: a recommendation whose known verb comes nowhere near the start but opens on
 * one of these ("Thank you", "Human rights defenders should …", "In the light of …") is left unclassified rather
 * than taken for general action.
 */
export const NOT_VERB_STARTS: ReadonlySet<string> = new Set(
  (
    'the a an this these those it its there here we you they he she our their his her us thank thanks mr mrs ms madam ' +
    'president excellency excellencies dear ladies gentlemen distinguished delegation human in while with within ' +
    'recalling noting given bearing having as if when although despite though since after before during regarding ' +
    'concerning on at from into upon being' +
    ' le la les un une des nous vous je il elle ils elles ce cette ces merci monsieur madame dans tout' +
    ' el los las una nosotros usted ellos este esta estos estas gracias senor senora'
  ).split(/\s+/),
);

/** Words that open a verb's object, so that an unknown word just before them reads as the verb ("Disseminate the …"). */
export const OBJECT_OPENERS: ReadonlySet<string> = new Set(
  'the a an its their all any every this these those with that no more his her'.split(' '),
);

/**
 * A quantity the state can be held to: raising "the age of criminal responsibility", increasing "the number of
 * shelters" or "budgetary allocations" is a specific, checkable act even after a verb of general action.
 */
export const MEASURE_WORDS: ReadonlySet<string> = new Set(
  (
    'age number budget budgetary allocation allocations quota quotas percentage ' +
    'age nombre budget budgetaires allocations quota quotas pourcentage ' +
    'edad numero presupuesto presupuestarias asignaciones cuota cuotas porcentaje'
  ).split(/\s+/),
);

/**
 * Verbs that either create something or improve what exists: "develop a law" is specific action, "develop its
 * legislation" (the one it has) general.
 */
export const CREATE_OR_IMPROVE_LEMMAS: ReadonlySet<string> = new Set('develop desarrollar developper'.split(' '));

/** Words that open an object the state already has: "its legislation", "the penal code", "sa législation". */
export const EXISTING_OBJECT_WORDS: ReadonlySet<string> = new Set(
  'the its their existing current le la les l son sa ses leur leurs actuel actuelle el los las su sus actual vigente'.split(' '),
);

/** Verbs that join a treaty or abide by rules: "adhere to the Rome Statute" (5), "adhere to international law" (4). */
export const JOIN_OR_COMPLY_LEMMAS: ReadonlySet<string> = new Set(['adhere']);

/** Rules one abides by rather than joins. */
export const RULE_WORDS: ReadonlySet<string> = new Set('law standards obligations principles norms commitments'.split(' '));

/**
 * Verbs of specific action only when they name a text, a body, a plan or an act within reach: "include a definition
 * of torture in the Penal Code", "put in place a national preventive mechanism", "reform the Family Code" are
 * specific (5); "include civil society in the follow-up", "recognize the right to …", "reform the judiciary", "put in
 * place safeguards" general (4). Whole entries as in VERB_TABLE, folded. (Ending verbs have their own rule.)
 */
export const SPECIFIC_IF_NAMED: ReadonlySet<string> = new Set(
  (
    'include, recognize, recognise, reform, put in place, ' +
    'inclure, reconnaitre, reformer, mettre en place, ' +
    'incluir, reconocer, reformar, poner en marcha'
  ).split(/\s*,\s*/),
);

/** Beyond SPECIFIC_OBJECT_WORDS, what SPECIFIC_IF_NAMED verbs may name: a founding text, a body, a syllabus, a named measure. */
export const NAMED_THING_WORDS: ReadonlySet<string> = new Set(
  (
    'constitution declaration body institute curriculum curricula curriculums bill blockade embargo emergency ' +
    'organe institut scolaire scolaires blocus urgence ' +
    'constitucion declaracion organo instituto curriculo curriculos escolares bloqueo emergencia'
  ).split(/\s+/),
);
