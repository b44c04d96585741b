import { describe, expect, it } from 'vitest';
import type { ActionCategory } from '@/utils/model';
import {
  ACTION_CATEGORY_LABELS,
  actionCategoryFromLabel,
  actionCategoryOf,
  classifyRecommendation,
  firstVerbOf,
  themeFromName,
  THEMES,
  themesOf,
  type Theme,
} from './index';
import { THEME_PHRASES } from './themes';

describe('actionCategoryOf', () => {
  const table: [ActionCategory, string, string?][] = [
    // 1 — minimal action
    [1, 'Seek technical assistance from OHCHR to implement the accepted recommendations'],
    [1, 'Share its good practices in the field of poverty reduction with other developing countries'],
    [1, 'Call on the international community to support its efforts to rebuild the judiciary'],
    [1, 'Seeking technical assistance from the relevant United Nations agencies'],
    [1, "Solliciter l'assistance technique du Haut-Commissariat aux droits de l'homme", 'fr'],
    [1, "Partager son expérience en matière d'éducation inclusive", 'fr'],
    [1, 'Solicitar asistencia técnica al ACNUDH para la aplicación de las recomendaciones', 'es'],
    [1, 'Compartir sus buenas prácticas en materia de protección social', 'es'],
    // 2 — continuing action
    [2, 'Continue to strengthen the independence of the national human rights institution'],
    [2, 'Continue its efforts to ratify the Convention on the Rights of Persons with Disabilities'],
    [2, 'Continuing efforts to reduce maternal mortality in rural areas'],
    [2, 'Maintain the de facto moratorium on the death penalty'],
    [2, 'Pursue its efforts to combat poverty'],
    [2, 'to persevere in its efforts to guarantee access to education for all children'],
    [2, 'continues to implement its national action plan on gender equality'],
    [2, 'Continuer à renforcer le système judiciaire', 'fr'],
    [2, 'Poursuivre ses efforts en vue de lutter contre la traite des êtres humains', 'fr'],
    [2, 'Maintenir le moratoire sur la peine de mort', 'fr'],
    [2, 'Seguir fortaleciendo las instituciones nacionales de derechos humanos', 'es'],
    [2, 'Continuar sus esfuerzos para erradicar la pobreza', 'es'],
    [2, 'Que continúe promoviendo los derechos de las personas con discapacidad', 'es'],
    // 3 — considering action
    [3, 'Consider ratifying the Optional Protocol to the Convention against Torture'],
    [3, 'Envisage the abolition of the death penalty'],
    [3, 'Explore the possibility of establishing a national preventive mechanism'],
    [3, 'Review its legislation on freedom of assembly with a view to bringing it into line with international standards'],
    [3, 'Study the possibility of acceding to the 1951 Refugee Convention'],
    [3, 'to consider the establishment of an independent national human rights institution'],
    [3, 'Considering withdrawing its reservations to CEDAW'],
    [3, 'Give due consideration to ratifying the Rome Statute'],
    [3, "Envisager de ratifier la Convention internationale pour la protection de toutes les personnes contre les disparitions forcées", 'fr'],
    [3, "Étudier la possibilité d'abolir la peine de mort", 'fr'],
    [3, "Prendre en considération l'adhésion au Statut de Rome", 'fr'],
    [3, 'Considerar la posibilidad de ratificar el Segundo Protocolo Facultativo', 'es'],
    [3, 'Estudiar la posibilidad de adherirse a la Convención sobre el Estatuto de los Apátridas', 'es'],
    [3, 'Que considere la ratificación del Protocolo Facultativo de la Convención contra la Tortura', 'es'],
    // 4 — general action
    [4, 'Take measures to combat violence against women and girls'],
    [4, 'Take all necessary steps to ensure the independence of the judiciary'],
    [4, 'Ensure that human rights defenders can work without fear of reprisals'],
    [4, 'Further strengthen the protection of journalists'],
    [4, 'Strengthen efforts to combat trafficking in persons'],
    [4, 'Intensify its efforts to eliminate child labour'],
    [4, 'Promote the rights of indigenous peoples'],
    [4, 'Guaranteeing freedom of expression online and offline'],
    [4, 'ensures access to safe drinking water in rural areas'],
    [4, 'Adopt all necessary measures to prevent torture in places of detention'],
    [4, 'Redouble its efforts to reduce overcrowding in prisons'],
    [4, 'Step up efforts to fight corruption'],
    [4, 'The Government should ensure that all allegations of torture are promptly investigated'],
    [4, 'Prendre des mesures pour lutter contre la discrimination à l’égard des femmes', 'fr'],
    [4, "Veiller à ce que les défenseurs des droits de l'homme puissent travailler librement", 'fr'],
    [4, "Renforcer l'indépendance du pouvoir judiciaire", 'fr'],
    [4, 'Garantir la liberté de réunion pacifique', 'fr'],
    [4, "Redoubler d'efforts pour combattre la pauvreté", 'fr'],
    [4, "Qu'il garantisse l'accès à l'éducation des enfants handicapés", 'fr'],
    [4, 'Garantizar la libertad de expresión y de prensa', 'es'],
    [4, 'Adoptar medidas para combatir la violencia contra la mujer', 'es'],
    [4, 'Tomar medidas eficaces para prevenir la tortura', 'es'],
    [4, 'Redoblar sus esfuerzos para combatir la trata de personas', 'es'],
    [4, 'Que garantice el acceso a la salud de los migrantes', 'es'],
    [4, 'Fortalecer el sistema de justicia', 'es'],
    // 5 — specific action
    [5, 'Ratify the Second Optional Protocol to the International Covenant on Civil and Political Rights'],
    [5, 'to ratify the Convention on the Rights of Persons with Disabilities'],
    [5, 'Ratifying the Optional Protocol to the Convention against Torture'],
    [5, 'ratifies the International Labour Organization Domestic Workers Convention, 2011 (No. 189)'],
    [5, 'Urgently adopt a comprehensive anti-discrimination law'],
    [5, 'Abolish the death penalty for all crimes'],
    [5, 'Amend the Criminal Code to criminalize marital rape'],
    [5, 'Establish an independent national human rights institution in line with the Paris Principles'],
    [5, 'Conduct prompt, impartial and thorough investigations into all allegations of extrajudicial killings'],
    [5, 'Repeal laws that criminalize same-sex relations between consenting adults'],
    [5, 'Withdraw its reservations to the Convention on the Elimination of All Forms of Discrimination against Women'],
    [5, 'Extend a standing invitation to all special procedures'],
    [5, 'Adopt a national action plan on business and human rights'],
    [5, 'Fully implement the law on domestic violence'],
    [5, 'We recommend that Kazakhstan ratify the Optional Protocol to the Convention against Torture'],
    [5, 'The United Kingdom recommends that Romania adopt legislation to protect Roma from discrimination'],
    [5, '3. Criminalize enforced disappearance in domestic legislation;'],
    [5, '(b) Release all persons detained for peacefully exercising their rights; and'],
    [5, 'Ratifier la Convention relative aux droits des personnes handicapées', 'fr'],
    [5, 'de ratifier le Statut de Rome de la Cour pénale internationale', 'fr'],
    [5, "ratifie le deuxième Protocole facultatif se rapportant au Pacte international relatif aux droits civils et politiques", 'fr'],
    [5, 'Abolir la peine de mort pour tous les crimes', 'fr'],
    [5, "Mettre en œuvre les recommandations du Comité contre la torture", 'fr'],
    [5, "Adopter une loi sur l'égalité entre les femmes et les hommes", 'fr'],
    [5, "Nous recommandons à l'Iran d'abolir la peine de mort", 'fr'],
    [5, 'Ratificar el Protocolo Facultativo de la Convención contra la Tortura', 'es'],
    [5, 'Que ratifique el Estatuto de Roma', 'es'],
    [5, 'ratifica la Convención Internacional para la Protección de Todas las Personas contra las Desapariciones Forzadas', 'es'],
    [5, 'Ratificando el Segundo Protocolo Facultativo', 'es'],
    [5, 'Tipificar como delito la desaparición forzada', 'es'],
    [5, 'Establecer una institución nacional de derechos humanos conforme a los Principios de París', 'es'],
    [5, 'Poner fin a la detención arbitraria de periodistas', 'es'],
    [5, 'Recomendamos a México que derogue las disposiciones sobre el arraigo', 'es'],
  ];

  it.each(table)('%i ← %s', (category, text, language) => {
    expect(actionCategoryOf(text, language)).toBe(category);
    // The category must not depend on being told the language.
    expect(actionCategoryOf(text)).toBe(category);
  });

  // UPR Info's line between general and specific action, and the shapes real recommendations take around the verb.
  it.each([
    [4, 'Adopt adequate measures for the protection of religious freedom', 'a specific verb over measures is general'],
    [5, 'Adopt legislative measures to outlaw domestic violence', 'unless the measures are legislative'],
    [5, 'Provide human rights training to law enforcement officials', 'a light verb takes its object’s category'],
    [4, 'Provide adequate resources to the national human rights commission', 'a light verb over resources stays general'],
    [4, 'Strengthen the national human rights commission', 'a general verb stays general over a specific object'],
    [5, 'Adopt a comprehensive action plan to address wage inequalities', '“action plan” is a plan, not an action'],
    [4, 'Continue and strengthen its efforts to combat poverty', '“continue and V”: V says what'],
    [5, 'Take measures to protect migrant workers, in particular by ratifying the Convention', 'a specific means makes it specific'],
    [4, 'Take measures, as recommended by the Committee against Torture, to prevent ill-treatment', 'a body named is not a means'],
    [2, 'With the support of the international community, continue to fight poverty', 'an opening clause is skipped'],
    [5, 'Recalling General Assembly resolution 62/149, reinstate its moratorium on the death penalty', 'the verb after the clause'],
    [4, 'Fulfil its international human rights obligations', 'a verb the tables do not list is general'],
    [5, 'Become a party to the Rome Statute of the International Criminal Court', '…or specific by its object'],
    [5, 'Recommended the ratification of the Optional Protocol to the Convention against Torture', 'an act named by its noun'],
    [5, 'Recommended that marital rape be criminalized', 'an act named by its passive'],
    [3, 'Revise its legislation on freedom of assembly', 'revise is reviewing: considering action'],
    [3, 'Give positive consideration to ratifying the Optional Protocol', 'a light verb over consideration is considering'],
    [3, 'Keep under review the possible ratification of the ICESCR', 'phrasal: keep under review'],
    [2, 'Proceed with its efforts to improve the health system', 'phrasal: proceed with'],
    [1, 'Appeal to the international community to provide the necessary assistance', 'phrasal: appeal to'],
    [4, 'Put an end to impunity for attacks against journalists', 'ending a wrong at large is general'],
    [5, 'Remove any reference to the death penalty from the penal code', 'ending a rule in a text is specific'],
    [4, 'Prescribe female genital mutilation as an offence, and continue to raise awareness', 'the first clause’s own verb, though unlisted, before a later one'],
    [4, 'Adopter des mesures pour lutter contre la traite des personnes', 'French: measures'],
    [5, 'Adopter une loi contre la discrimination raciale', 'French: a law'],
    [5, 'Dispenser une formation aux droits de l’homme aux agents de police', 'French: an unlisted verb over training'],
    [4, 'Adoptar medidas eficaces para combatir la trata de personas', 'Spanish: measures'],
    [5, 'Adoptar una ley integral contra la violencia de género', 'Spanish: a law'],
  ] as [ActionCategory, string, string][])('%i ← %s (%s)', (category, text) => {
    expect(actionCategoryOf(text)).toBe(category);
  });

  // Families found by comparing with UPR Info's own coding of sessions 1–5 (agreement.test.ts): each case is our own
  // wording of a pattern, in English and, where the pattern exists there, French and Spanish.
  it.each([
    // An unlisted first verb right before its object is the verb, not a subject.
    [4, 'Reject any attempt to impose values alien to its society', 'an unlisted verb before "any …" is the verb'],
    [4, 'Deal with the issue of trafficking in persons', '…before "with"'],
    [5, 'Instar a las autoridades locales a que ratifiquen el Protocolo', 'Spanish "a" before an article is no object'],
    // A continuing verb with a means says what by the means.
    [4, 'Continue its judicial reforms, including by strengthening the independence of judges', 'continuing by a general means'],
    [5, 'Poursuivre ses efforts contre la traite, notamment par l’adoption d’une loi', 'French: continuing by a specific means'],
    [5, 'Seguir luchando contra la trata, en particular mediante la aprobación de una ley', 'Spanish: continuing by a specific means'],
    // General action whose purpose is to share or to ask for help is minimal action.
    [1, 'Intensify its engagement with other States to exchange best practices on juvenile justice', 'general action to exchange'],
    [1, 'Call for the support of the international community to rebuild its courts', 'call for'],
    [1, 'Renforcer sa coopération avec les pays voisins pour échanger ses bonnes pratiques', 'French: general action to exchange'],
    [1, 'Intensificar la cooperación regional para intercambiar buenas prácticas', 'Spanish: general action to exchange'],
    [1, 'Make available to other countries its experience in microcredit', 'making available is sharing'],
    [1, 'Mettre à la disposition des autres pays son expérience en matière de microcrédit', 'French: making available is sharing'],
    // Objects that keep a specific verb general.
    [4, 'Create an environment in which journalists can work without fear', 'an environment'],
    [4, 'Establish conditions that allow independent investigations', 'conditions'],
    [4, 'Allocate sufficient funds to the ombudsman', 'funds'],
    [4, 'Crear un entorno propicio para la sociedad civil', 'Spanish: an environment'],
    // …and what makes any verb specific.
    [5, 'Raise the minimum age of marriage to 18 years', 'a quantity the state can be held to'],
    [5, 'Increase the number of shelters for victims of violence', '…a number'],
    [5, 'Augmenter le budget alloué à la santé maternelle', 'French: a budget'],
    [5, 'Aumentar el número de refugios para víctimas de violencia', 'Spanish: a number'],
    // Lead-ins of effort are general action.
    [4, 'Do everything in its power to end child marriage', 'do everything'],
    [4, 'Do its utmost to eliminate child labour', 'do its utmost'],
    [4, 'Move swiftly to pass the new media law', 'move to'],
    [4, 'Try to respond in time to the questionnaires of the special procedures', 'try to'],
    // Acts named by a noun or a passive take their object from it.
    [4, 'Recommended the adoption of further measures to fight impunity', 'a noun over measures'],
    [5, 'That the Public Order Act be amended to protect peaceful assembly', 'a bare passive recommends'],
    [5, 'The accession to the Convention relating to the Status of Stateless Persons', 'a text opening on an act noun'],
    [1, 'Requested more information on the reform of the family code', 'a past form before its object'],
    // Considering and acting: the act says what.
    [5, 'Review and amend its Penal Code', 'review and amend'],
    [4, 'Study and address the root causes of domestic violence', 'study and address'],
    [5, 'Réexaminer et modifier le Code pénal', 'French: review and amend'],
    [5, 'Revisar y modificar el Código Penal', 'Spanish: review and amend'],
    // Doing better what exists, improving it, abiding by rules: general action.
    [4, 'Better implement the laws on domestic violence', 'better'],
    [4, 'Mieux appliquer la loi sur la violence domestique', 'French: better'],
    [4, 'Desarrollar su legislación sobre migración', 'Spanish: developing what exists'],
    [4, 'Adhere strictly to international humanitarian law', 'adhering to rules'],
    [4, 'Honour its commitment to submit its reports on time', 'honouring a commitment'],
    [4, 'Integrate the Roma into society', 'integrate, like mainstream'],
    [4, 'Intégrer les Roms dans la société', 'French: integrate'],
    // Ending a policy is as specific as ending a rule.
    [5, 'Stop the policy of forced evictions', 'ending a policy'],
    [5, 'Mettre fin à la politique d’expulsions forcées', 'French: ending a policy'],
    [5, 'Poner fin a la política de desalojos forzosos', 'Spanish: ending a policy'],
    // Verbs of specific action added to the tables.
    [5, 'Delete the offence of blasphemy from the penal code', 'delete'],
    [5, 'Reopen the border crossings for humanitarian goods', 'reopen'],
    [5, 'Rouvrir les points de passage frontaliers', 'French: reopen'],
    [5, 'Reabrir los pasos fronterizos', 'Spanish: reopen'],
    [5, 'Acknowledge the right of refugees to return to their homes', 'acknowledge, like recognize'],
  ] as [ActionCategory, string, string][])('%i ← %s (%s)', (category, text) => {
    expect(actionCategoryOf(text)).toBe(category);
  });

  // A rule and the case it must leave alone, side by side.
  it.each([
    [
      'reads the means of a continuing verb, but not a date',
      [
        [5, 'Continue its efforts to combat trafficking, in particular by adopting a comprehensive law'],
        [2, 'Continue its efforts to reach the Sustainable Development Goals by 2030'],
      ],
    ],
    [
      'reads a means right after its word, or after "by means of"',
      [
        [4, 'Take into account the advice of the Commission for Democracy through Law when implementing the law'],
        [5, 'Improve prison conditions, by means of training prison staff in human rights'],
      ],
    ],
    [
      'takes sharing for minimal action, but not a right to seek information',
      [
        [1, 'Strengthen and share its experience in social housing with other countries'],
        [4, 'Guarantee the right to seek and receive information'],
      ],
    ],
    [
      'keeps a process general, but not the completion of a ratification',
      [
        [4, 'Establish an inclusive process to follow up on the recommendations'],
        [5, 'Complete the ratification process of the Convention on the Rights of Persons with Disabilities'],
        [4, 'Créer un environnement favorable à la société civile'],
        [5, 'Achever le processus de ratification de la Convention'],
      ],
    ],
    [
      'reads the subject of a passive after its "that"',
      [
        [4, 'Recommended that further measures be adopted to overcome stereotypes'],
        [5, 'Recommended as a first step that a moratorium on executions be established'],
      ],
    ],
    [
      'tells developing what exists from developing something new',
      [
        [4, 'Develop its legislation on migrants and refugees'],
        [5, 'Develop a law on the protection of human rights defenders'],
        [4, 'Développer sa législation sur les migrants'],
        [5, 'Développer un programme de formation des juges'],
      ],
    ],
    [
      'reads a means after "including" alone, as after "including by"',
      [
        [5, 'Take measures against child labour, including the adoption of a list of hazardous work'],
        [4, 'Take measures against child labour, including in rural areas'],
        [5, 'Prendre des mesures contre le travail des enfants, y compris l’adoption d’une liste des travaux dangereux'],
        [5, 'Tomar medidas contra el trabajo infantil, incluida la aprobación de una lista de trabajos peligrosos'],
      ],
    ],
    [
      'takes include, recognize, reform and put in place for specific action only over a text, a body or a plan',
      [
        [4, 'Include persons with disabilities in the decisions that concern them'],
        [5, 'Include a definition of torture in its Criminal Code'],
        [4, 'Recognize the right of minorities to use their own language'],
        [5, 'Recognize the competence of the Committee to receive individual complaints'],
        [4, 'Reform the police service'],
        [5, 'Reform the Family Code'],
        [4, 'Put in place safeguards for people held in custody'],
        [5, 'Put in place a national plan against trafficking'],
        [5, 'Include human rights education in school curricula'],
        [4, 'Inclure la société civile dans le suivi de l’Examen'],
        [5, 'Inclure une définition de la torture dans le Code pénal'],
        [4, 'Reconnaître le droit des minorités à utiliser leur langue'],
        [4, 'Mettre en place des garanties pour les personnes en garde à vue'],
        [5, 'Mettre en place un plan national contre la traite'],
        [4, 'Incluir a la sociedad civil en el seguimiento del Examen'],
        [4, 'Reconocer el derecho de las minorías a usar su propio idioma'],
        [5, 'Reformar el Código de la Familia'],
        [4, 'Poner en marcha salvaguardias para las personas detenidas'],
        [5, 'Poner en marcha un plan nacional contra la trata'],
      ],
    ],
    [
      'takes working out the help to ask for as asking for it, but not needs without help, nor a legal aid law',
      [
        [1, 'Identify its needs for technical assistance in the field of juvenile justice'],
        [1, 'Formulate its requests for technical assistance to OHCHR'],
        [1, 'Définir ses besoins en assistance technique dans le domaine de la justice'],
        [1, 'Definir sus necesidades de asistencia técnica en materia de justicia'],
        [4, 'Identify the needs of children with disabilities'],
        [5, 'Amend the eligibility requirements of the Legal Aid Act'],
      ],
    ],
    [
      'takes giving orders for specific action, but not giving attention',
      [
        [5, 'Give clear instructions to the police to stop using excessive force'],
        [5, 'Donner des instructions claires à la police pour mettre fin au recours excessif à la force'],
        [5, 'Impartir instrucciones claras a la policía para que cese el uso excesivo de la fuerza'],
        [4, 'Give particular attention to the situation of rural women'],
      ],
    ],
  ] as [string, [ActionCategory, string][]][])('%s', (_, cases) => {
    for (const [category, text] of cases) expect(actionCategoryOf(text), text).toBe(category);
  });

  it('names the verb that decided, and whether the tables know it', () => {
    expect(firstVerbOf('Continue and strengthen its efforts to combat poverty')).toEqual({ words: 'continue and strengthen', known: true, category: 4 });
    expect(firstVerbOf('Fulfil its international obligations')).toEqual({ words: 'fulfil', known: false, category: 4 });
    expect(firstVerbOf('Thank you, Mr. President.')).toBeNull();
  });

  it.each([
    ['', null],
    ['Thank you, Mr. President.', null],
    ['Human rights defenders should be protected by the State.', null],
    ['1.', null],
  ])('has no category for %j', (text, category) => expect(actionCategoryOf(text)).toBe(category));

  it('prefers the page language where a form means different things', () => {
    // Spanish "reduce" is reducir (general action); English "reduce" is, in UPR Info's coding, a specific cut.
    expect(actionCategoryOf('Reduce la pobreza extrema en las zonas rurales', 'es')).toBe(4);
    expect(actionCategoryOf('Reduce the number of crimes punishable by death', 'en')).toBe(5);
    // UPR Info codes "revise" with "review": considering action, in either language.
    expect(actionCategoryOf('Revise su legislación sobre la libertad de reunión', 'es')).toBe(3);
    expect(actionCategoryOf('Revise its legislation on freedom of assembly', 'en')).toBe(3);
  });

  it('ignores case and accents', () => {
    expect(actionCategoryOf('RATIFIER LA CONVENTION')).toBe(5);
    expect(actionCategoryOf('Élaborer un plan national', 'fr')).toBe(5);
    expect(actionCategoryOf('elaborer un plan national', 'fr')).toBe(5);
  });

  it('labels every category', () => {
    expect(Object.keys(ACTION_CATEGORY_LABELS)).toEqual(['1', '2', '3', '4', '5']);
  });
});

describe('themesOf', () => {
  const table: [Theme, string][] = [
    ['Asylum-seekers and refugees', 'Respect the principle of non-refoulement of asylum seekers'],
    ['Asylum-seekers and refugees', 'Garantizar los derechos de los refugiados y solicitantes de asilo'],
    ['Civil and political rights – general', 'Respect fundamental freedoms and protect civic space'],
    ['Civil society', 'Create a safe environment for civil society organizations'],
    ['Civil society', 'Garantir que les ONG puissent travailler librement'],
    ['Corruption', 'Strengthen anti-corruption measures in public procurement'],
    ['Corruption', 'Intensificar la lucha contra la corrupción'],
    ['Counter-terrorism', 'Ensure that counter-terrorism legislation complies with international human rights law'],
    ['Counter-terrorism', 'Réviser la loi antiterroriste'],
    ['Death penalty', 'Establish an official moratorium on executions with a view to abolishing the death penalty'],
    ['Death penalty', 'Abolir la peine de mort'],
    ['Death penalty', 'Abolir la pena de muerte'],
    ['Detention', 'Improve conditions in prisons and reduce pretrial detention'],
    ['Detention', 'Améliorer les conditions de détention'],
    ['Detention', 'Reducir el hacinamiento en las cárceles'],
    ['Development', 'Integrate the Sustainable Development Goals into national planning'],
    ['Disabilities', 'Ensure inclusive education for children with disabilities'],
    ['Disabilities', 'Garantir les droits des personnes handicapées'],
    ['Disabilities', 'Proteger los derechos de las personas con discapacidad'],
    ['Economic, social and cultural rights – general', 'Ratify the International Covenant on Economic, Social and Cultural Rights'],
    ['Economic, social and cultural rights – general', 'Ampliar la protección social'],
    ['Elections', 'Ensure free and fair elections'],
    ['Elections', 'Garantir des élections libres et transparentes'],
    ['Enforced disappearances', 'Investigate all cases of enforced disappearance'],
    ['Enforced disappearances', 'Investigar las desapariciones forzadas'],
    ['Environment', 'Adopt a national strategy to address climate change'],
    ['Environment', 'Lutter contre les changements climatiques'],
    ['Extrajudicial executions', 'Investigate all extrajudicial killings by the police'],
    ['Freedom of association and peaceful assembly', 'Guarantee the right to freedom of peaceful assembly'],
    ['Freedom of association and peaceful assembly', "Garantir la liberté d’association"],
    ['Freedom of movement', 'Lift the travel bans imposed on human rights defenders'],
    ['Freedom of opinion and expression', 'Decriminalize defamation and protect freedom of expression'],
    ['Freedom of opinion and expression', "Garantir la liberté d'expression"],
    ['Freedom of opinion and expression', 'Proteger la libertad de expresión'],
    ['Freedom of religion and belief', 'Guarantee freedom of religion or belief for all'],
    ['Freedom of religion and belief', 'Respetar la libertad religiosa'],
    ['Freedom of the press', 'Protect journalists and media workers'],
    ['Freedom of the press', 'Protéger les journalistes'],
    ['Freedom of the press', 'Proteger a los periodistas'],
    ['General', 'Continue its efforts to promote and protect human rights'],
    ['General', "Poursuivre ses efforts de promotion des droits de l'homme"],
    ['HIV/AIDS', 'Ensure access to treatment for people living with HIV/AIDS'],
    ['HIV/AIDS', 'Lutter contre le VIH/sida'],
    ['Human rights defenders', 'Protect human rights defenders from reprisals'],
    ['Human rights defenders', "Protéger les défenseurs des droits de l'homme"],
    ['Human rights defenders', 'Proteger a los defensores de derechos humanos'],
    ['Human rights education and training', 'Provide human rights training to the police'],
    ['Human rights education and training', "Intégrer l'éducation aux droits de l'homme dans les programmes scolaires"],
    ['Human rights violations by state agents', 'Investigate the excessive use of force by security forces'],
    ['Human rights violations by state agents', 'Enquêter sur les violences policières'],
    ['Impunity', 'End impunity for attacks against journalists'],
    ['Impunity', 'Lutter contre l’impunité'],
    ['Indigenous peoples', 'Respect the rights of indigenous peoples'],
    ['Indigenous peoples', 'Garantizar la consulta previa a los pueblos indígenas'],
    ['Internally displaced persons', 'Find durable solutions for internally displaced persons'],
    ['International humanitarian law', 'Respect international humanitarian law in the armed conflict'],
    ['International instruments', 'Ratify the Optional Protocol to the Convention on the Rights of the Child'],
    ['International instruments', 'Adhérer à la Convention de 1954 relative au statut des apatrides'],
    ['International instruments', 'Ratificar el Estatuto de Roma'],
    ['Justice', 'Guarantee the independence of the judiciary'],
    ['Justice', "Garantir l'accès à la justice"],
    ['Justice', 'Garantizar el debido proceso'],
    ['Labour', 'Abolish the kafala system for migrant workers'],
    ['Labour', 'Améliorer les conditions de travail'],
    ['Migrants', 'Protect the rights of migrants'],
    ['Migrants', 'Proteger los derechos de los migrantes'],
    ['Minorities', 'Protect the rights of national minorities'],
    ['Minorities', 'Combat discrimination against Roma'],
    ['National human rights institution', 'Establish a national human rights institution in line with the Paris Principles'],
    ['National human rights institution', 'Fortalecer la Defensoría del Pueblo'],
    ['National plan of action', 'Adopt a national action plan on human rights'],
    ['National plan of action', "Adopter un plan d'action national"],
    ['Poverty', 'Continue efforts to reduce poverty'],
    ['Poverty', 'Réduire la pauvreté'],
    ['Poverty', 'Erradicar la pobreza extrema'],
    ['Public security', 'Lift the state of emergency'],
    ['Racial discrimination', 'Combat racism and xenophobia'],
    ['Racial discrimination', 'Lutter contre la discrimination raciale'],
    ['Right to education', 'Ensure access to education for all girls'],
    ['Right to education', "Garantir l'accès à l'éducation"],
    ['Right to education', 'Garantizar el derecho a la educación'],
    ['Right to food', 'Guarantee food security'],
    ['Right to health', 'Improve access to health care in rural areas'],
    ['Right to health', "Améliorer l'accès aux soins de santé"],
    ['Right to health', 'Garantizar el acceso a la salud'],
    ['Right to housing', 'Stop forced evictions'],
    ['Right to land', 'Protect land rights of rural communities'],
    ['Right to water', 'Ensure access to safe drinking water'],
    ['Right to water', "Garantir l'accès à l'eau potable"],
    ['Rights of the child', 'Prohibit corporal punishment of children in all settings'],
    ['Rights of the child', 'Protéger les enfants'],
    ['Rights of the child', 'Proteger a los niños'],
    ['Sexual orientation and gender identity', 'Decriminalize same-sex relations between consenting adults'],
    ['Sexual orientation and gender identity', "Interdire la discrimination fondée sur l'orientation sexuelle"],
    ['Sexual orientation and gender identity', 'Prohibir la discriminación por identidad de género'],
    ['Special procedures', 'Extend a standing invitation to all special procedures'],
    ['Special procedures', 'Adresser une invitation permanente aux procédures spéciales'],
    ['Technical assistance and cooperation', 'Seek technical assistance from OHCHR'],
    ['Technical assistance and cooperation', 'Solicitar asistencia técnica'],
    ['Torture and other cruel, inhuman or degrading treatment', 'Criminalize torture in line with the Convention'],
    ['Torture and other cruel, inhuman or degrading treatment', 'Prévenir la torture et les mauvais traitements'],
    ['Torture and other cruel, inhuman or degrading treatment', 'Prevenir la tortura y los malos tratos'],
    ['Trafficking', 'Combat trafficking in persons'],
    ['Trafficking', 'Lutter contre la traite des êtres humains'],
    ['Trafficking', 'Combatir la trata de personas'],
    ['Treaty bodies', 'Submit its overdue reports to the treaty bodies'],
    ['Treaty bodies', 'Soumettre les rapports en retard aux organes conventionnels'],
    ['UPR process', 'Submit a mid-term report on the implementation of UPR recommendations'],
    ['UPR process', "Présenter un rapport à mi-parcours sur l'EPU"],
    ["Women's rights", 'Combat domestic violence against women'],
    ["Women's rights", "Promouvoir l'égalité entre les femmes et les hommes"],
    ["Women's rights", 'Combatir la violencia de género'],
  ];

  it.each(table)('%s ← %s', (theme, text) => expect(themesOf(text)).toContain(theme));

  it('covers every theme of the list but "Other" with a test sentence', () => {
    const tested = new Set(table.map(([theme]) => theme));
    expect(THEMES.filter((t) => t !== 'Other' && !tested.has(t))).toEqual([]);
  });

  it.each([
    ['Ensure a safe and enabling environment for human rights defenders', 'Environment'],
    ['Ratifier le traité sur le commerce des armes', 'Trafficking'],
    ['Protect human rights defenders', 'General'],
    ['Se trata de una recomendación sobre la educación', 'Trafficking'],
    ['Combat discrimination based on gender identity', "Women's rights"],
    ['Ratify the Optional Protocol', 'Treaty bodies'],
  ])('%s is not filed under %s', (text, theme) => expect(themesOf(text)).not.toContain(theme));

  it('lists themes in the order of the issue list, each once', () => {
    expect(themesOf('Protect children and women from domestic violence; protect children')).toEqual(["Rights of the child", "Women's rights"]);
  });

  it('matches whole words only', () => {
    expect(themesOf('Ensure transparency in public procurement')).not.toContain('Right to land');
    expect(themesOf('Aidsworth is not a disease')).not.toContain('HIV/AIDS');
  });

  it('has a phrase table for every theme name and none for unknown names', () => {
    expect(Object.keys(THEME_PHRASES).sort()).toEqual([...THEMES].sort());
    expect(THEMES).toHaveLength(54);
  });
});

describe('classifyRecommendation', () => {
  it('gives both the category and the themes', () => {
    expect(classifyRecommendation('Consider ratifying the Second Optional Protocol, aiming at the abolition of the death penalty')).toEqual({
      actionCategory: 3,
      themes: ['Death penalty', 'International instruments'],
    });
  });
});

describe('dataset labels', () => {
  it.each([
    ["women’s rights", "Women's rights"],
    ['Civil and political rights - general', 'Civil and political rights – general'],
    ['HIV / AIDS', 'HIV/AIDS'],
    ['DEATH PENALTY', 'Death penalty'],
    ['Not a theme', null],
    // UPR Info's database export writes some issues short.
    ['Asylum-seekers - refugees', 'Asylum-seekers and refugees'],
    ['CP rights - general', 'Civil and political rights – general'],
    ['ESC rights - general', 'Economic, social and cultural rights – general'],
    ['HIV - Aids', 'HIV/AIDS'],
    ['NHRI', 'National human rights institution'],
    ['Rights of the Child', 'Rights of the child'],
    ['Sexual Orientation and Gender Identity', 'Sexual orientation and gender identity'],
    ['Torture and other CID treatment', 'Torture and other cruel, inhuman or degrading treatment'],
  ])('theme %j → %j', (name, theme) => expect(themeFromName(name)).toBe(theme));

  it.each([
    ['5', 5],
    ['Category 3', 3],
    ['Specific action', 5],
    ['minimal', 1],
    ['six', null],
    ['', null],
  ])('category %j → %j', (label, category) => expect(actionCategoryFromLabel(label)).toBe(category));
});
