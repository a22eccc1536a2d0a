#!/usr/bin/env python3
"""Generate person-titles.txt: honorifics and functions that precede a person's name.

Hand-written by the Balise developers from public knowledge: each function is written
once with its feminine and plural forms; the script also adds the forms with an
article (le, la, l', les) and with an adjective of nationality or rank that often
sits between the function and the name is left to the recognizer.
"""

from lexfile import WRITTEN_BY_US, write_lexicon

# Honorifics and their abbreviations (kind: honorific).
HONORIFICS = """M. MM. Mme Mmes Mlle Mlles Monsieur Messieurs Madame Mesdames Mademoiselle
Mesdemoiselles Dr Dr. Dre Drs Docteur Docteure Pr Pr. Pre Professeur Me Maître Maîtres Mgr Monseigneur
Sr Sir Lord Lady Dame Don Doña Dom Frère Sœur Père Mère Abbé Cheikh Cheikha Sheikh Imam
Rabbin Cardinal Pape Cdt Col. Gal Gén. Lt Sgt Capt. Mr Mrs Ms Herr Frau
Señor Señora Signor Signora S.E. S.M. S.A.R. LL.MM. Prof.""".split()

# (masculine singular, feminine singular, masculine plural, feminine plural); '-' = none.
FUNCTIONS = """
président|présidente|présidents|présidentes
vice-président|vice-présidente|vice-présidents|vice-présidentes
ministre|ministre|ministres|ministres
Premier ministre|Première ministre|-|-
premier ministre|première ministre|-|-
ex-Premier ministre|ex-Première ministre|-|-
ex-président|ex-présidente|-|-
ancien président|ancienne présidente|anciens présidents|anciennes présidentes
ancien ministre|ancienne ministre|anciens ministres|anciennes ministres
ancien Premier ministre|ancienne Première ministre|-|-
secrétaire d'État|secrétaire d'État|secrétaires d'État|secrétaires d'État
secrétaire général|secrétaire générale|secrétaires généraux|secrétaires générales
secrétaire national|secrétaire nationale|-|-
premier secrétaire|première secrétaire|-|-
porte-parole|porte-parole|porte-parole|porte-parole
chef de l'État|cheffe de l'État|-|-
chef du gouvernement|cheffe du gouvernement|-|-
chef de la diplomatie|cheffe de la diplomatie|-|-
chef|cheffe|chefs|cheffes
chef de file|cheffe de file|-|-
député|députée|députés|députées
eurodéputé|eurodéputée|eurodéputés|eurodéputées
sénateur|sénatrice|sénateurs|sénatrices
parlementaire|parlementaire|parlementaires|parlementaires
élu|élue|élus|élues
conseiller|conseillère|conseillers|conseillères
conseiller municipal|conseillère municipale|conseillers municipaux|conseillères municipales
conseiller régional|conseillère régionale|conseillers régionaux|conseillères régionales
conseiller départemental|conseillère départementale|conseillers départementaux|conseillères départementales
maire|maire|maires|maires
adjoint au maire|adjointe au maire|adjoints au maire|adjointes au maire
maire adjoint|maire adjointe|-|-
édile|édile|édiles|édiles
préfet|préfète|préfets|préfètes
sous-préfet|sous-préfète|-|-
ambassadeur|ambassadrice|ambassadeurs|ambassadrices
consul|consule|consuls|consules
diplomate|diplomate|diplomates|diplomates
gouverneur|gouverneure|gouverneurs|gouverneures
chancelier|chancelière|-|-
roi|reine|rois|reines
prince|princesse|princes|princesses
duc|duchesse|-|-
comte|comtesse|-|-
baron|baronne|-|-
émir|émira|-|-
sultan|sultane|-|-
empereur|impératrice|-|-
pape|-|-|-
cardinal|-|cardinaux|-
archevêque|-|-|-
évêque|-|évêques|-
abbé|-|-|-
prêtre|-|prêtres|-
pasteur|pasteure|-|-
rabbin|-|-|-
grand rabbin|-|-|-
imam|-|imams|-
recteur|rectrice|recteurs|rectrices
ayatollah|-|-|-
dalaï-lama|-|-|-
général|générale|généraux|-
amiral|-|amiraux|-
colonel|colonelle|colonels|-
lieutenant-colonel|-|-|-
commandant|commandante|commandants|-
capitaine|capitaine|capitaines|capitaines
lieutenant|lieutenante|lieutenants|-
sergent|sergente|-|-
adjudant|adjudante|-|-
caporal|-|-|-
soldat|soldate|soldats|-
maréchal|-|-|-
chef d'état-major|cheffe d'état-major|-|-
commissaire|commissaire|commissaires|commissaires
commissaire européen|commissaire européenne|commissaires européens|-
haut-commissaire|haute-commissaire|-|-
juge|juge|juges|juges
juge d'instruction|juge d'instruction|juges d'instruction|-
magistrat|magistrate|magistrats|magistrates
procureur|procureure|procureurs|procureures
procureur de la République|procureure de la République|-|-
procureur général|procureure générale|-|-
avocat|avocate|avocats|avocates
avocat général|avocate générale|-|-
bâtonnier|bâtonnière|-|-
notaire|notaire|-|-
huissier|huissière|-|-
greffier|greffière|-|-
policier|policière|policiers|policières
gendarme|gendarme|gendarmes|gendarmes
enquêteur|enquêtrice|enquêteurs|enquêtrices
directeur|directrice|directeurs|directrices
directeur général|directrice générale|directeurs généraux|directrices générales
directeur général délégué|directrice générale déléguée|-|-
directeur financier|directrice financière|-|-
directeur exécutif|directrice exécutive|-|-
directeur de cabinet|directrice de cabinet|-|-
directeur de la rédaction|directrice de la rédaction|-|-
directeur de recherche|directrice de recherche|-|-
directeur artistique|directrice artistique|-|-
directeur sportif|directrice sportive|-|-
président-directeur général|présidente-directrice générale|-|-
PDG|PDG|PDG|PDG
P-DG|P-DG|-|-
DG|DG|-|-
patron|patronne|patrons|patronnes
dirigeant|dirigeante|dirigeants|dirigeantes
administrateur|administratrice|administrateurs|administratrices
administrateur judiciaire|administratrice judiciaire|-|-
fondateur|fondatrice|fondateurs|fondatrices
cofondateur|cofondatrice|cofondateurs|cofondatrices
co-fondateur|co-fondatrice|co-fondateurs|co-fondatrices
associé|associée|associés|associées
gérant|gérante|gérants|gérantes
actionnaire|actionnaire|actionnaires|actionnaires
investisseur|investisseuse|investisseurs|investisseuses
entrepreneur|entrepreneuse|entrepreneurs|entrepreneuses
milliardaire|milliardaire|milliardaires|milliardaires
héritier|héritière|héritiers|héritières
banquier|banquière|banquiers|banquières
économiste|économiste|économistes|économistes
analyste|analyste|analystes|analystes
responsable|responsable|responsables|responsables
délégué|déléguée|délégués|déléguées
délégué général|déléguée générale|-|-
délégué syndical|déléguée syndicale|délégués syndicaux|déléguées syndicales
syndicaliste|syndicaliste|syndicalistes|syndicalistes
militant|militante|militants|militantes
manager|manageuse|managers|-
cadre|cadre|cadres|cadres
salarié|salariée|salariés|salariées
ingénieur|ingénieure|ingénieurs|ingénieures
chercheur|chercheuse|chercheurs|chercheuses
scientifique|scientifique|scientifiques|scientifiques
professeur|professeure|professeurs|professeures
enseignant|enseignante|enseignants|enseignantes
enseignant-chercheur|enseignante-chercheuse|-|-
instituteur|institutrice|instituteurs|institutrices
universitaire|universitaire|universitaires|universitaires
historien|historienne|historiens|historiennes
sociologue|sociologue|sociologues|sociologues
philosophe|philosophe|philosophes|philosophes
politologue|politologue|politologues|politologues
géographe|géographe|-|-
démographe|démographe|-|-
épidémiologiste|épidémiologiste|-|-
médecin|médecin|médecins|médecins
chirurgien|chirurgienne|chirurgiens|chirurgiennes
infirmier|infirmière|infirmiers|infirmières
pharmacien|pharmacienne|-|-
psychiatre|psychiatre|-|-
psychologue|psychologue|-|-
vétérinaire|vétérinaire|-|-
architecte|architecte|architectes|architectes
urbaniste|urbaniste|-|-
journaliste|journaliste|journalistes|journalistes
reporter|reporter|reporters|-
correspondant|correspondante|correspondants|correspondantes
éditorialiste|éditorialiste|-|-
chroniqueur|chroniqueuse|chroniqueurs|chroniqueuses
présentateur|présentatrice|présentateurs|présentatrices
animateur|animatrice|animateurs|animatrices
rédacteur en chef|rédactrice en chef|-|-
photographe|photographe|photographes|photographes
éditeur|éditrice|éditeurs|éditrices
écrivain|écrivaine|écrivains|écrivaines
auteur|autrice|auteurs|autrices
romancier|romancière|romanciers|romancières
poète|poétesse|poètes|-
dramaturge|dramaturge|-|-
essayiste|essayiste|-|-
scénariste|scénariste|-|-
réalisateur|réalisatrice|réalisateurs|réalisatrices
cinéaste|cinéaste|cinéastes|cinéastes
producteur|productrice|producteurs|productrices
metteur en scène|metteuse en scène|-|-
acteur|actrice|acteurs|actrices
comédien|comédienne|comédiens|comédiennes
humoriste|humoriste|humoristes|humoristes
chanteur|chanteuse|chanteurs|chanteuses
musicien|musicienne|musiciens|musiciennes
compositeur|compositrice|compositeurs|compositrices
chef d'orchestre|cheffe d'orchestre|-|-
pianiste|pianiste|-|-
violoniste|violoniste|-|-
guitariste|guitariste|-|-
rappeur|rappeuse|rappeurs|rappeuses
danseur|danseuse|danseurs|danseuses
chorégraphe|chorégraphe|-|-
artiste|artiste|artistes|artistes
peintre|peintre|peintres|peintres
sculpteur|sculptrice|-|-
plasticien|plasticienne|-|-
styliste|styliste|-|-
créateur|créatrice|créateurs|créatrices
designer|designer|designers|-
mannequin|mannequin|mannequins|mannequins
influenceur|influenceuse|influenceurs|influenceuses
youtubeur|youtubeuse|youtubeurs|youtubeuses
vidéaste|vidéaste|-|-
entraîneur|entraîneuse|entraîneurs|entraîneuses
sélectionneur|sélectionneuse|-|-
coach|coach|-|-
joueur|joueuse|joueurs|joueuses
footballeur|footballeuse|footballeurs|footballeuses
rugbyman|rugbywoman|rugbymen|-
tennisman|-|-|-
tennisman|joueuse de tennis|-|-
basketteur|basketteuse|basketteurs|basketteuses
handballeur|handballeuse|handballeurs|handballeuses
cycliste|cycliste|cyclistes|cyclistes
coureur|coureuse|coureurs|coureuses
pilote|pilote|pilotes|pilotes
nageur|nageuse|nageurs|nageuses
skieur|skieuse|skieurs|skieuses
athlète|athlète|athlètes|athlètes
sprinteur|sprinteuse|-|-
boxeur|boxeuse|-|-
judoka|judoka|judokas|judokas
navigateur|navigatrice|navigateurs|navigatrices
skipper|skipper|-|-
alpiniste|alpiniste|-|-
attaquant|attaquante|-|-
défenseur|défenseure|-|-
milieu de terrain|milieu de terrain|-|-
gardien|gardienne|-|-
gardien de but|gardienne de but|-|-
meneur|meneuse|-|-
demi de mêlée|-|-|-
ouvreur|-|-|-
arbitre|arbitre|arbitres|arbitres
champion|championne|champions|championnes
champion olympique|championne olympique|-|-
champion du monde|championne du monde|-|-
médaillé|médaillée|-|-
vainqueur|vainqueure|-|-
numéro un mondial|numéro une mondiale|-|-
capitaine des Bleus|capitaine des Bleues|-|-
sélectionneur des Bleus|-|-|-
international|internationale|internationaux|internationales
candidat|candidate|candidats|candidates
prétendant|prétendante|-|-
opposant|opposante|opposants|opposantes
dissident|dissidente|-|-
leader|leader|leaders|-
numéro deux|numéro deux|-|-
dauphin|dauphine|-|-
rapporteur|rapporteure|rapporteurs|rapporteures
rapporteur général|rapporteure générale|-|-
questeur|questeure|-|-
médiateur|médiatrice|-|-
défenseur des droits|défenseure des droits|-|-
contrôleur général|contrôleure générale|-|-
inspecteur|inspectrice|inspecteurs|inspectrices
inspecteur général|inspectrice générale|-|-
expert|experte|experts|expertes
consultant|consultante|consultants|consultantes
lobbyiste|lobbyiste|-|-
conseiller spécial|conseillère spéciale|-|-
collaborateur|collaboratrice|collaborateurs|collaboratrices
assistant|assistante|assistants|assistantes
stagiaire|stagiaire|-|-
étudiant|étudiante|étudiants|étudiantes
lycéen|lycéenne|lycéens|lycéennes
agriculteur|agricultrice|agriculteurs|agricultrices
éleveur|éleveuse|éleveurs|éleveuses
viticulteur|viticultrice|-|-
vigneron|vigneronne|-|-
pêcheur|pêcheuse|-|-
artisan|artisane|-|-
commerçant|commerçante|commerçants|commerçantes
restaurateur|restauratrice|-|-
chef cuisinier|cheffe cuisinière|-|-
boulanger|boulangère|-|-
habitant|habitante|habitants|habitantes
riverain|riveraine|riverains|riveraines
retraité|retraitée|retraités|retraitées
témoin|témoin|témoins|témoins
victime|victime|victimes|victimes
suspect|suspecte|suspects|suspectes
accusé|accusée|accusés|accusées
prévenu|prévenue|prévenus|prévenues
mis en examen|mise en examen|-|-
détenu|détenue|détenus|détenues
otage|otage|otages|otages
réfugié|réfugiée|-|-
lanceur d'alerte|lanceuse d'alerte|-|-
astronaute|astronaute|-|-
spationaute|spationaute|-|-
explorateur|exploratrice|-|-
aventurier|aventurière|-|-
photojournaliste|photojournaliste|-|-
traducteur|traductrice|-|-
porte-drapeau|porte-drapeau|-|-
bourgmestre|bourgmestre|-|-
échevin|échevine|-|-
conseiller fédéral|conseillère fédérale|conseillers fédéraux|-
landammann|-|-|-
président du conseil|présidente du conseil|-|-
speaker|speaker|-|-
vice-chancelier|vice-chancelière|-|-
secrétaire au Trésor|secrétaire au Trésor|-|-
secrétaire d'État américain|secrétaire d'État américaine|-|-
attorney general|-|-|-
gouverneur de la Banque de France|gouverneure de la Banque de France|-|-
patriarche|-|-|-
guide suprême|-|-|-
mollah|-|-|-
raïs|-|-|-
émissaire|émissaire|-|-
envoyé spécial|envoyée spéciale|envoyés spéciaux|envoyées spéciales
négociateur|négociatrice|négociateurs|négociatrices
médiatrice|médiatrice|-|-
""".strip().splitlines()

ELISION = "aeiouyàâäéèêëîïôöùûüœh"
# Words starting with a mute h that take l': the rest starting with h take le/la.
H_MUET = ("historien", "habitant", "héritier", "humoriste", "huissier", "haut-commissaire", "handballeur")


def with_article(form, feminine, plural):
    if plural:
        return "les " + form
    first = form.split()[0].lower()
    if first[0] in ELISION and (first[0] != "h" or first.startswith(H_MUET)):
        return "l'" + form
    return ("la " if feminine else "le ") + form


def main():
    rows = [[h, "honorific"] for h in HONORIFICS]
    for line in FUNCTIONS:
        forms = line.split("|")
        for index, form in enumerate(forms):
            if form == "-":
                continue
            rows.append([form, "function"])
            if form[0].islower():
                rows.append([with_article(form, index in (1, 3), index >= 2), "function"])
    write_lexicon(
        "person-titles.txt",
        "one title a line (honorific or function, masculine, feminine and plural forms, bare and "
        "with their article); field 2: 'honorific' (M., Mme, Dr) or 'function' (président, l'avocat); "
        "titles stay outside the PER span",
        f"{WRITTEN_BY_US} (tools/gen_titles.py)",
        "facts, same licence as Balise",
        rows,
        comments=["generated by tools/gen_titles.py: edit the lists there, not this file",
                  "a function is often followed by a complement before the name "
                  "(le ministre de l'Économie Bruno Le Maire): the recognizer skips it"],
    )


if __name__ == "__main__":
    main()
