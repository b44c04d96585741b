// Words and patterns that decide what counts as an item or page chrome. Kept in one file so a language or a
// government's habit is added in one place; what counts as a lead-in is utils/lead-in's, shared with the detector.

/** Verbs that open a recommendation ("Ratify …", "to ratify …"); used to cut items glued into one paragraph. */
export const RECOMMENDATION_VERBS: ReadonlySet<string> = new Set(
  (
    'abolish accede accelerate adopt address align allocate allow amend apply approve establish take ensure guarantee ' +
    'implement ratify repeal revise review sign strengthen continue consider combat criminalize decriminalize develop ' +
    'eliminate enact end enhance enforce expand extend finalize fully guarantee improve include increase intensify ' +
    'introduce investigate issue lift maintain modify promote protect provide pursue reduce reform release remove ' +
    'repeal respect step up submit support undertake uphold withdraw work redouble raise prohibit prevent prosecute ' +
    'publish recognize recognise refrain reinforce renew ban bring build cease collaborate commit conduct cooperate ' +
    'create decriminalise define deliver design do engage establish extend facilitate harmonize harmonise incorporate ' +
    'invite make monitor operationalize persevere prioritize put ratify secure seek share set speed stop train ' +
    'transpose abstain accept adhere amend expedite explore envisage examine study grant redress reconsider ' +
    'rescind revoke repeal outlaw punish penalize penalise hold conclude resume restore reinstate safeguard ' +
    'scale streamline tackle update urgently bolster boost broaden carry close combat complete comply consolidate ' +
    'coordinate counter cover criminalise curb dedicate deepen deploy destroy devote disseminate dismantle ' +
    'draft eradicate evaluate exclude fight fund give halt identify incorporate increase inform institute ' +
    'institutionalize integrate keep launch legalize legislate limit mainstream mobilize move oblige offer ' +
    'open permit pass pay plan prepare present prioritise progress proceed pursue put ratify reaffirm realize ' +
    'reconsider register reintroduce reject remedy report require reserve resolve respond retain revise ' +
    'scrap separate stand standardize start strive suspend target transform treat upgrade use vote waive ' +
    'welcome bring abrogate assess allocate collect redouble reduce refrain reform regulate remove'
  ).split(/\s+/),
);

/** French and Spanish infinitives that open recommendations ("Ratifier …", "Adoptar …"), for cutting run-together items. */
export const ROMANCE_VERBS: ReadonlySet<string> = new Set(
  (
    'ratifier adopter garantir renforcer assurer veiller prendre mettre abolir abroger adhérer établir élaborer intensifier ' +
    'poursuivre lutter redoubler créer modifier réviser accélérer envisager promouvoir protéger dépénaliser éliminer ' +
    'libérer enquêter interdire instaurer lever retirer respecter inviter allouer améliorer continuer ' +
    'ratificar adoptar garantizar fortalecer asegurar velar tomar poner abolir derogar adherirse establecer elaborar ' +
    'intensificar proseguir continuar luchar redoblar crear modificar revisar acelerar considerar promover proteger ' +
    'despenalizar eliminar implementar aplicar investigar combatir prevenir erradicar aprobar reformar armonizar ' +
    'liberar prohibir instaurar retirar respetar invitar asignar mejorar cursar reforzar'
  ).split(/\s+/),
);

/** Capitalized first words that start ordinary prose, not an imperative item. */
export const PROSE_STARTS: ReadonlySet<string> = new Set(
  (
    'i we our us you the this that these those it its in as at on for with by from finally lastly thank thanks mr mrs ' +
    'ms madam madame mister president vice excellency excellencies distinguished once again also moreover however ' +
    'furthermore additionally my let he she they there here today all last updated published date source ' +
    'je nous notre la le les ce cette il elle dans en pour merci monsieur madame enfin dernière publié mise ' +
    'yo nosotros nuestro el los las este esta en para gracias señor señora señoras señores finalmente por ' +
    'check delivered speaking senast uppdaterad statement intervention statements recommendations background'
  ).split(/\s+/),
);

/**
 * A heading that only names the list below it: "Recommendations", "Recommendations to Switzerland", "Recomendaciones
 * a Chile". Not "Recommendations accepted in the previous cycle" (whose list is a record, not a statement's asks).
 */
export const HEADING_LABEL =
  /^(?:our\s+|nos\s+|nuestras\s+)?(?:recommendations|recommandations|recomendaciones)(?:\s+(?:to|for|by|from|au|à|aux|de|du|a|al|para|por)\s+(?![^:]*\b(?:cycles?|ciclos?|reviews?|examens?|accepted|supported|noted|received|implement\w*|previous|earlier|pr[ée]c[ée]dents?|anteriores?|acept\w*|accept[ée]es)\b)[^:]{1,60})?\s*:?$/iu;

/** Lines that end a run of items: closing formulas, good wishes, page metadata. */
export const CLOSING =
  /^(?:thank\s+you|I\s+thank\s+you|thanks|merci|je\s+vous\s+remercie|gracias|muchas\s+gracias|le\s+agradezco|we\s+wish|[\p{Lu}][\p{L}.]*(?:\s+[\p{Lu}][\p{L}]*)?\s+wish(?:es)?|check\s+against\s+delivery|last\s+updated|updated|published|publi[ée]|derni[èe]re\s+mise|senast)/iu;

/** Drafting leftovers and speaker notes that are never items. */
export const DRAFTING = /^\s*(?:\[[^\]]{0,60}\]|\(\d+\s*words?\)|speaking\s+time\b.*|temps\s+de\s+parole\b.*|tiempo\s+de\s+(?:palabra|intervenci[óo]n)\b.*|\d+\s*words?)\s*$/i;

/** "We encourage / urge …": soft asks, not formal recommendations. */
export const SOFT_ASK = /^(?:we|I|[\p{Lu}][\p{L}]+)\s+(?:also\s+|further\s+|strongly\s+|would\s+)?(?:encourage|urge|invite|call\s+on|calls\s+on|welcome|commend|note|encourages|urges|invites|welcomes|commends|notes|regret|regrets)\b/iu;

/** List and paragraph markers: "1.", "1)", "(a)", "iv.", bullets, "First,"; "1.Item" glued markers too. */
export const MARKER = /^[\s\u00a0]*(?:(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)(?:ly)?,|(?:finally|lastly|premièrement|deuxièmement|troisièmement|quatrièmement|enfin|primero|segundo|tercero|cuarto|finalmente|por\s+último),|\(?\d{1,3}(?:[.)](?!\d)|\s*[-–—](?=\s))|\([a-z]\)|[a-z]\)(?=\s)|\(?[ivx]{1,5}[.)](?=\s)|[•·▪●○◦‣∙*–—-](?=[\s\u00a0]))[\s\u00a0]*/iu;

/** Item separators the range may leave out: "; and", ";", ", and". */
export const TRAILING_SEPARATOR = /(?:[\s\u00a0]*(?:[;,](?:[\s\u00a0]*(?:and|et|y|or|ou|o))?|\[\d+\s*words?\]))+[\s\u00a0]*$/iu;

/** Share buttons and other link-only chrome that can show up as list items. */
export const WIDGET_TEXT = /^(?:facebook|twitter|x|linkedin|email|e-mail|print|share|share this|whatsapp|telegram|copy link|reddit|tweet|imprimer|partager|compartir|imprimir)$/i;

/** Words that govern an infinitive ("steps to ensure"), so " to <verb>" after them does not start a new item. */
export const GOVERNS_INFINITIVE: ReadonlySet<string> = new Set(
  (
    'steps step measures measure efforts effort action actions order view way ways able unable need needs necessary ' +
    'possible required continue continues continuing work working seek seeks aim aims plan plans commitment ' +
    'commitments obligation obligations intention opportunity means ability capacity resources attempt attempts ' +
    'decision willingness invitation legislation law laws policy policies mechanism mechanisms programme program ' +
    'strategy strategies how ought used going want wish wishes begin began started effectively further'
  ).split(/\s+/),
);
