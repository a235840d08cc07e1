# Les mots de `dues`, en français. Chaque identifiant est aussi dans
# ../en/dues.ftl, avec les mêmes variables : `cargo test` le vérifie. Les
# identifiants que lisent les scripts (noms de colonnes, ids, codes, clés
# JSON) n'y sont pas.
#
# Typographie : espace fine insécable (U+202F) avant ; : ! ? et à l'intérieur
# des « », apostrophe typographique ’. Un test le vérifie aussi.

## Commun

ask-budget = Budget annuel :
ask-budget-help = par exemple 2,3 M€, 850 k€ ou 1 500 000 € ; Entrée pour valider, Échap pour abandonner
ask-kind = Type d’organisation :
ask-kind-help = tapez pour filtrer, ↑↓ pour choisir, Tab pour compléter, Entrée pour valider
ask-strategy = A-t-elle une stratégie d’entraînement des collectivités plus petites de son territoire ?
ask-strategy-help = oui ou non — oui : { $yes } ; non : { $no }
ask-answer-needed = une réponse est nécessaire : oui ou non
ask-budget-check = Un budget de { $amount } pour une organisation de type { $kind } (au moins { $floor } d’habitude) : est-ce bien cela ?
ask-budget-check-help = Entrée ou « oui » pour le garder, ou tapez le bon montant, par exemple { $reading }
ask-budget-check-keep = Entrée ou « oui » pour le garder, ou tapez le bon montant
ask-budget-check-no = tapez le bon montant, ou Entrée pour garder celui-ci
ask-canceled = (abandonné)
ask-answer-needed-value = une réponse est nécessaire
warn-date-unused = --date ne sert qu’aux formats letter et html : elle est ignorée ici
fail-xlsx-format = -o …xlsx écrit un classeur, et --format { $format } demande autre chose : retirez l’un ou l’autre
fail-workbook-format = dues écrit ses classeurs en xlsx seulement, pas en { $extension } : nommez la sortie …xlsx (tout tableur l’ouvre), ou …csv
fail-clock = la date d’aujourd’hui est introuvable (l’horloge du système est hors limites) ; donnez-la avec --date
fail-name-control = --name : « { $name } » contient un caractère de contrôle ou de mise en forme invisible ({ $code }) ; écrivez le nom sans
check-no-issuer = (sans section [issuer] : pas de lettre ni de page à imprimer)
error = dues : erreur : { $message }
warning = dues : attention : { $message }
quoted = « { $value } »
list-semicolon = { $init } ; { $last }
list-more = …
list-separator = { ", " }
list-and = { $init } et { $last }
list-or = { $init } ou { $last }

## Montants et cotisations

fee-from = à partir de { $amount }
fee-with-note = { $fee } — { $note }
tier-fee = { $tier } ({ $fee })
outcome-tier = tranche { $tier }, { $fee }
kind-with-label = { $id } ({ $label })
strategy-yes = oui
strategy-no = non
strategy-not-given = non précisée

## Conditions de budget

budget-equals = budget = { $amount }
budget-between = { $low } { $low_op } budget { $high_op } { $high }
budget-above = budget > { $amount }
budget-at-least = budget ≥ { $amount }
budget-below = budget < { $amount }
budget-at-most = budget ≤ { $amount }
budget-any = tout budget
condition-with-strategy = { $kinds } avec une stratégie d’entraînement
condition-without-strategy = { $kinds } sans stratégie d’entraînement
condition-and = { $first }, et { $second }

## L'explication d'une cotisation

explain-rule-applies = { $strategy ->
    [yes] { $kind } avec une stratégie d’entraînement : tranche { $tier }
    [no] { $kind } sans stratégie d’entraînement : tranche { $tier }
   *[any] { $kind } : tranche { $tier }
}
explain-kind-not-eligible = { $kind } : non éligible à la tranche { $tier }, réservée à : { $condition }
explain-strategy-mismatch = { $strategy ->
    [yes] { $kind } avec une stratégie d’entraînement : pas la tranche { $tier }
   *[no] { $kind } sans stratégie d’entraînement : pas la tranche { $tier }
}
explain-rule-budget-outside = budget { $budget } hors de { $condition } : pas la tranche { $tier }
explain-budget-in = { $test } : tranche { $tier }
explain-budget-out = { $test } : pas la tranche { $tier }
explain-budget-not-used = { $test } : par le budget seul, ce serait la tranche { $tier }
explain-next-tier = tranche suivante : { $tier } pour { $condition }, avec { $gap } de budget en plus
test-fails = budget { $budget } n’est pas { $op } { $bound }
test-holds = budget { $budget } { $test }
test-holds-both = budget { $budget } { $first } et { $second }
test-any = budget { $budget }

## Avertissements et erreurs d'une cotisation

warn-implausible-budget = un budget de { $amount } est peu plausible pour une organisation de type { $kind } (au moins { $floor }) : vouliez-vous dire { $reading } ? La cotisation donnée est celle d’un budget de { $amount }.
warn-implausible-budget-alone = un budget de { $amount } est peu plausible pour une organisation de type { $kind } (au moins { $floor }) ; la cotisation donnée est celle d’un budget de { $amount }.
warn-strategy-ignored = la stratégie d’entraînement ne change rien pour « { $kind } » : cotisation selon le budget
err-option = { $option } : { $message }
err-option-strategy-required = { $option } : { $message } ; répondez par { $option } oui ou non
err-not-an-amount = « { $value } » n’est pas un montant : { $why } ; écrivez un montant positif ou nul, comme 2300000, 2 300 000, 2 300 000,50 { $symbol }, 2,3 M{ $symbol }, 850 k{ $symbol } ou 1,2 Md{ $symbol }
err-amount-here = « { $value } » ne peut pas se lire ici : { $why }
err-unknown-kind = type d’organisation inconnu : « { $value } » ; acceptés : { $kinds }, ou l’un de leurs autres noms, au singulier ou au pluriel (`dues tiers` les donne ; casse, accents et apostrophes n’importent pas)
err-unknown-kind-close = type d’organisation inconnu : « { $value } » ; vouliez-vous dire { $close } ? Acceptés : { $kinds }, ou l’un de leurs autres noms, au singulier ou au pluriel (`dues tiers` les donne ; casse, accents et apostrophes n’importent pas)
err-invalid-strategy = « { $value } » ne répond pas à la question de la stratégie d’entraînement ; réponses acceptées : { $accepted }
err-strategy-required = la réponse à la question de la stratégie d’entraînement (oui ou non) est nécessaire pour chiffrer une organisation de type { $kind } ({ $id }) : avec une stratégie d’entraînement des collectivités plus petites de son territoire, { $yes } ; sans, { $no }
amount-empty = il est vide
amount-negative = un budget ne peut pas être négatif
amount-signed = écrivez-le sans signe
amount-scientific = la notation scientifique est refusée, car le tableur qui l’a écrite a pu arrondir le chiffre (élargissez la colonne ou mettez-la au format nombre)
amount-not-a-number = ce n’est pas un nombre
amount-currency-twice = la devise est écrite deux fois
amount-grouping = les chiffres se groupent par trois, avec une seule espace, U+00A0 ou U+202F entre les groupes (2 300 000)
amount-misplaced = « { $char } » n’est pas à sa place
amount-too-many-digits = il a plus de chiffres qu’un décimal exact n’en tient (28 chiffres)
amount-uncomputed = c’est une formule dont le fichier ne garde pas la valeur : ouvrez le classeur dans un tableur et enregistrez-le, pour qu’il la calcule
amount-sub-cent = il est plus précis que le centime
amount-dash-cents = « { $mark }- » pour « sans centimes » n’est pas lu ; écrivez { $whole } ou { $whole },00
amount-dash-cents-alone = « { $mark }- » pour « sans centimes » n’est pas lu ; écrivez le montant sans
amount-unit-contradiction = il est écrit en { $written }, mais les montants de sa colonne sont en { $expected } (d’après son en-tête ou --budget-unit) ; corrigez l’un ou l’autre
amount-against-convention = { $stated ->
    [yes] { $role ->
        [group] « { $mark } » sépare les milliers dans ce fichier, comme le dit --decimal-mark, ce que cette valeur contredit ; vérifiez-la, ou l’option --decimal-mark
       *[decimal] « { $mark } » est la marque décimale de ce fichier, comme le dit --decimal-mark, ce que cette valeur contredit ; vérifiez-la, ou l’option --decimal-mark
    }
   *[no] { $role ->
        [group] « { $mark } » sépare les milliers dans cette colonne, d’après ses autres valeurs, ce que cette valeur contredit ; vérifiez-la, ou donnez la convention du fichier avec --decimal-mark
       *[decimal] « { $mark } » est la marque décimale de cette colonne, d’après ses autres valeurs, ce que cette valeur contredit ; vérifiez-la, ou donnez la convention du fichier avec --decimal-mark
    }
}
amount-in-unit = { $number } { $prefix }{ $symbol }
amount-ambiguous = { $cents ->
    [yes] il est ambigu : « { $mark } » suivi de trois chiffres peut séparer les milliers ({ $thousands }) ou marquer les décimales ({ $decimal }) ; écrivez { $thousands } pour la première lecture ou { $decimal } pour la seconde
   *[no] il est ambigu : « { $mark } » suivi de trois chiffres peut séparer les milliers ({ $thousands }) ou marquer les décimales ({ $decimal }) ; écrivez { $thousands } pour la première lecture (la seconde n’est pas un nombre entier de centimes)
}

## Vues

view-dues = Cotisation { $year }
view-tier = Tranche
view-organisation = Organisation
view-kind = Type
view-budget = Budget annuel
view-strategy = Stratégie d’entraînement
view-explanation = Explication :
view-source = Source : { $source }
tiers-title = { $title } — { $source }
tiers-condition = Condition
tiers-other-names = Autres noms (au singulier ou au pluriel)
tiers-dues = Cotisation
summary-rows = Lignes
summary-dues = Cotisations
summary-errors = Erreurs
summary-tier = { $label } ({ $fee })
summary-range = de { $min } à { $max }
summary-undecided = À confirmer, faute de réponse sur la stratégie d’entraînement
summary-undecided-lines = À confirmer, faute de réponse sur la stratégie d’entraînement : { $count ->
    [one] ligne { $lines }
   *[other] lignes { $lines }
}
summary-strategy-given = Stratégie d’entraînement donnée par --network-strategy pour les lignes sans réponse : { $answer }
summary-blank = Lignes vides
summary-error-group = { $reason } ({ $code }) : { $count ->
    [one] ligne { $lines }
   *[other] lignes { $lines }
}
reason-invalid-budget = budget illisible
reason-unknown-kind = type inconnu
reason-invalid-strategy = réponse de stratégie illisible
reason-strategy-required = stratégie d’entraînement non précisée
reason-unclosed-quote = guillemet jamais fermé
reason-too-few-fields = champs manquants
reason-too-many-fields = champs en trop
reason-not-utf8 = encodage illisible
summary-total = Total
summary-at-least = ≥ { $amount }

## dues check

check-valid = { $origin } : valide — { $tiers ->
    [one] { $tiers } tranche
   *[other] { $tiers } tranches
} ({ $by_budget } selon le budget, { $by_rule } selon une règle), { $kinds ->
    [one] { $kinds } type
   *[other] { $kinds } types
}, { $benefits ->
    [one] { $benefits } avantage
   *[other] { $benefits } avantages
} ; { $examples ->
    [0] aucun exemple
    [one] { $examples } exemple vérifié
   *[other] { $examples } exemples vérifiés
}
example-quote = la tranche `{ $tier }` à { $fee }
example-error = l’erreur `{ $code }`

## Tables inutilisables

table-toml = { $origin }:{ $line }:{ $column } : { $problem }
table-problem-at = { $origin }:{ $line } : { $problem }
table-problem = { $origin } : { $problem }
table-invalid = { $origin } : table des tranches invalide :
toml-syntax = TOML invalide : { $what ->
    [string] chaîne de caractères mal formée (un guillemet qui manque ?)
    [key] clé mal formée
    [table] en-tête de table mal formé
    [inline-table] table en ligne mal formée
    [array] liste mal formée
    [number] nombre mal formé
    [date] date mal formée
    [boolean] booléen mal formé (true ou false)
    [comment] commentaire mal formé
    [comma] virgule manquante ou en trop
    [assignment] signe = manquant ou en trop
    [value] valeur mal formée
    [too-deep] imbrication trop profonde
   *[other] ce qui s’y trouve n’est pas du TOML
}
toml-unknown-key = clé inconnue `{ $key }` ; attendue : { $expected }
toml-missing-key = il manque la clé `{ $key }`
toml-wrong-type = la valeur `{ $value }` n’a pas le type attendu ici
toml-wrong-type-unnamed = une valeur n’a pas le type attendu ici
toml-out-of-range = la valeur `{ $value }` sort des limites permises ici
toml-unknown-variant = `{ $found }` n’est pas une valeur permise ici ; valeurs permises : { $expected }
toml-float-money = un montant ne peut pas être un flottant TOML ({ $value }) : un flottant est une fraction binaire qui ne tient pas exactement chaque centime ; écrivez un entier (1_500_000) ou une chaîne ("1500000.50")
toml-negative-money = un montant ne peut pas être négatif : { $value }
toml-not-money = `{ $value }` n’est pas un montant tel que la table l’écrit : des chiffres avec un point décimal facultatif, comme "1500000" ou "1500000.50"
toml-money-too-large = { $value } dépasse ce qu’une table peut tenir : les montants vont jusqu’à { $max }
table-marker = marqueur de devise `{ $marker }` { $fault ->
    [empty] vide
    [digit] contenant un chiffre
    [sign] contenant un signe
    [separator] contenant un séparateur
   *[multiplier] commençant ou finissant par un multiplicateur
} : un marqueur s’écrit à côté d’un montant, il ne contient donc ni chiffre, ni signe, ni séparateur (« , », « . », une espace), et ne commence ni ne finit par un multiplicateur (k, M, Md…), sans quoi « 2,3 M€ » se lirait 2,30 €
table-symbol-not-accepted = le symbole `{ $symbol }` n’est pas parmi les marqueurs acceptés (`accepted`) : un montant écrit comme dues l’affiche ne se relirait pas
table-issuer-empty = [issuer] : `{ $key }` ne peut pas être vide
table-issuer-invalid = [issuer] : `{ $key }` ne peut pas être « { $value } » ; { $key ->
    [email] une adresse électronique s’écrit nom@domaine.fr
    [phone] un téléphone s’écrit en chiffres, avec espaces, points ou tirets, et un + facultatif (au moins 6 chiffres)
   *[website] un site s’écrit avec son protocole, https ou http
}
table-issuer-unreachable = [issuer] ne dit pas comment le joindre : donnez au moins `email`, `phone` ou `website`
table-no-kind = la table ne définit aucun type d’organisation : ajoutez un [[kind]] pour chacun
table-duplicate-kind = l’identifiant de type `{ $id }` sert deux fois
table-empty-kind-name = le type `{ $kind }` a un nom vide
table-kind-name-clash = les types `{ $first }` et `{ $second }` répondent tous deux au nom `{ $name }`
table-empty-tier-id = une tranche a un identifiant vide
table-duplicate-tier = l’identifiant de tranche `{ $id }` sert deux fois
table-sub-cent = tranche `{ $tier }` : { $key } { $amount } est plus précis que le centime
table-both-lower-bounds = tranche `{ $tier }` : donnez `at_least` ou `above`, pas les deux
table-both-upper-bounds = tranche `{ $tier }` : donnez `below` ou `at_most`, pas les deux
table-no-lower-bound = tranche `{ $tier }` : le budget a besoin d’une borne basse, `at_least` ou `above` (`at_least = 0` pour la première tranche)
table-empty-budget = tranche `{ $tier }` : ses bornes de budget n’y laissent aucun budget
table-fee-not-positive = tranche `{ $tier }` : la cotisation doit être positive, pas { $fee }
table-fee-too-large = tranche `{ $tier }` : la cotisation va au plus jusqu’à { $max }, pas { $fee }
table-rule-no-kind = tranche `{ $tier }` : la règle ne nomme aucun type
table-rule-unknown-kind = tranche `{ $tier }` : la règle nomme le type `{ $kind }`, qui n’est pas un identifiant de type de cette table ({ $known })
table-neither-budget-nor-rule = la tranche `{ $tier }` n’a ni `budget` ni `rule`
table-no-budget-tier = aucune tranche ne s’applique selon le budget seul : les tranches sans `rule` doivent couvrir tout budget à partir de 0
table-not-from-zero = aucune tranche ne couvre { $span } (la tranche la plus basse, `{ $tier }`, commence là)
table-gap = les tranches `{ $below }` et `{ $above }` laissent { $span } sans tranche
table-overlap = les tranches `{ $below }` et `{ $above }` couvrent toutes deux { $span }
table-unbounded = les tranches `{ $below }` et `{ $above }` couvrent toutes deux { $span } (`{ $below }` n’a pas de borne haute)
table-no-ceiling = aucune tranche ne couvre { $span } (la tranche la plus haute, `{ $tier }`, s’arrête là)
table-rules-clash = les tranches `{ $first }` et `{ $second }` s’appliquent toutes deux au type `{ $kind }`
table-example-unknown-tier = un exemple attend la tranche `{ $tier }`, que la table n’a pas
table-example-unknown-error = un exemple attend l’erreur `{ $error }` ; erreurs connues : { $known }
table-example-shape = un exemple attend soit `tier` et `fee`, soit `error`
table-example-fails = { $answered ->
    [yes] l’exemple (budget `{ $budget }`, type `{ $kind }`, network_strategy `{ $strategy }`) attend { $expected }, et obtient { $got }
   *[no] l’exemple (budget `{ $budget }`, type `{ $kind }`) attend { $expected }, et obtient { $got }
}
table-built-in-undecodable = la table intégrée ne peut pas être décodée ; recompilez dues

## dues batch

delimiter-tab = la tabulation
delimiter-char = « { $char } »
role-name = nom
role-kind = type
role-budget = budget
role-strategy = stratégie
batch-empty = l’entrée est vide : un CSV a au moins une ligne d’en-tête
batch-utf16-without-bom = { $order ->
    [big] l’entrée semble en UTF-16 (gros-boutiste) sans indicateur d’ordre des octets (BOM) ; lisez-la avec --encoding utf-16be
   *[little] l’entrée semble en UTF-16 (petit-boutiste) sans indicateur d’ordre des octets (BOM) ; lisez-la avec --encoding utf-16le
}
batch-utf16-forced = l’entrée est en UTF-16 (elle commence par son indicateur d’ordre des octets), pas dans l’encodage que donne --encoding ; retirez --encoding
batch-binary = l’entrée contient des octets NUL : ce n’est ni un CSV texte ni un classeur que dues lise (xlsx, xlsm, xls, xlsb, ods) ; enregistrez-la en CSV ou en xlsx
batch-unclosed-header-quote = ligne { $line } : un guillemet ouvert dans l’en-tête n’est jamais fermé, si bien que tout le fichier est allé dans un seul champ d’en-tête ; fermez le guillemet
batch-ambiguous-delimiter = impossible de dire quel est le séparateur : { $first } et { $second } découpent aussi bien les premières lignes ; précisez-le avec --delimiter
batch-missing-columns = { $count ->
    [one] pas de colonne { $roles }
   *[other] pas de colonnes { $roles }
} ; en-têtes trouvés : { $headers } ; { $hints }
batch-column-hint = une colonne { $role } s’intitule { $known }, quels que soient la casse, les accents, la ponctuation, l’année ou l’unité, ou se désigne avec { $option } et son en-tête ou son numéro (à partir de 1)
batch-no-such-column = { $option } « { $wanted } » ne nomme aucune colonne ; en-têtes trouvés : { $headers } ; une colonne se désigne par son en-tête ou par son numéro, de 1 à { $count }
batch-ambiguous-column = les colonnes « { $first } » et « { $second } » pourraient toutes deux être la colonne { $role } ; précisez-la avec { $option }
batch-header-units = l’en-tête « { $header } » nomme deux échelles, { $first } et { $second } ; dites laquelle vaut pour les nombres simples avec --budget-unit
unit-scale = { $unit ->
    [thousand] les milliers
    [million] les millions
   *[billion] les milliards
}
sheet-unreadable = ce n’est pas un classeur lisible (xlsx, xlsm, xls, xlsb ou ods) : un fichier abîmé, ou un fichier texte nommé comme un classeur ? Ouvrez-le et enregistrez-le à nouveau, ou en CSV
sheet-protected = ce classeur ne se lit pas : protégé par un mot de passe, ou abîmé ? Enregistrez-en une copie sans mot de passe, ou en CSV
sheet-no-such = --sheet « { $wanted } » ne nomme aucune feuille ; feuilles du classeur : { $sheets } ; une feuille se désigne par son nom ou par son numéro, de 1 à { $count }
sheet-ambiguous = plusieurs feuilles ont les colonnes d’une liste à chiffrer : { $sheets } ; dites laquelle avec --sheet (son nom ou son numéro)
sheet-too-large = la feuille « { $sheet } » s’étend de { $first } à { $last } : plus de cellules qu’une liste n’en a (20 millions au plus) ; une cellule isolée loin de la liste ? Supprimez les lignes et colonnes qui la séparent de la liste, ou désignez une autre feuille avec --sheet
sheet-of-text = --sheet désigne une feuille de classeur, et c’est un fichier texte : retirez --sheet
sheet-encoding = --encoding dit l’encodage d’un fichier texte, et c’est un classeur, dont les cellules n’en ont pas besoin : retirez --encoding
xlsx-cell-too-long = ligne { $line }, colonne « { $column } » : { $chars } caractères, et une cellule de classeur en tient 32 767 au plus ; écrivez la liste en CSV, qui n’a pas cette limite
xlsx-too-wide = ligne { $line } : { $columns } colonnes, et une feuille de classeur en tient 16 384, dont les 4 que dues ajoute ; écrivez la liste en CSV, qui n’a pas cette limite
sheet-too-many-rows = la liste a plus de lignes qu’une feuille de classeur n’en tient (1 048 576) : écrivez-la en CSV
xlsx-rows-sheet = Lignes
xlsx-summary-sheet = Résumé
xlsx-dues-from = Cotisations (au moins)
xlsx-dues-to = Cotisations (au plus ; vide : à négocier)
batch-column-clash = l’entrée a déjà une colonne « { $header } » ; dues ajoute les colonnes tier, fee, fee_basis et error : renommez d’abord cette colonne
batch-duplicate-header = l’en-tête « { $header } » apparaît deux fois ; les objets JSON demandent des clés distinctes (renommez-en un, ou utilisez --format csv)
batch-reserved-header = l’en-tête « { $header } » est le nom que les lignes JSON donnent aux champs au-delà de la largeur de l’en-tête ; renommez cette colonne, ou utilisez --format csv
batch-strict = { $origin } : { $error } (--strict : arrêt à cette ligne)
batch-strict-line = ligne { $line } : --strict s’est arrêté là
row-unclosed-quote = ligne { $line } : un guillemet ouvert dans cette ligne n’est jamais fermé, si bien que toutes les lignes suivantes sont allées dans un seul champ ; fermez le guillemet (dues l’a fermé en fin de fichier pour garder les colonnes séparées)
row-too-few-fields = ligne { $line } : { $got ->
    [one] { $got } champ
   *[other] { $got } champs
} là où l’en-tête en a { $width } ; il manque un champ ou un séparateur (la ligne est complétée pour aligner les colonnes)
row-too-many-fields = ligne { $line } : { $got } champs là où l’en-tête en a { $width } ; un champ de trop, ou un séparateur dans un champ qui devrait être entre guillemets
row-not-utf8 = ligne { $line }, colonne « { $column } » : UTF-8 invalide ; si le fichier vient du « CSV » simple d’Excel, lisez-le avec --encoding windows-1252
row-quote-error = ligne { $line }, colonne « { $column } » : { $error }
row-strategy-empty = ligne { $line }, colonne « { $column } » : { $error } ; répondez oui ou non dans cette colonne, ou pour toutes les lignes sans réponse avec --network-strategy oui ou non
row-no-strategy-column = ligne { $line } : { $error } ; le fichier n’a pas de colonne de stratégie (ajoutez-en une intitulée « Stratégie d’entraînement », avec oui ou non, ou répondez pour toutes ces lignes avec --network-strategy oui ou non)
batch-tool = dues batch
batch-tool-sheet = dues batch (feuille « { $sheet } »)
batch-done = { $tool } : { $priced ->
    [one] { $priced } ligne chiffrée
   *[other] { $priced } lignes chiffrées
}{ $minimum ->
    [0] {""}
   *[other] , dont { $minimum } au tarif minimum (à négocier)
}
batch-error-lines = { $count ->
    [one] (ligne { $lines })
   *[other] (lignes { $lines })
}
batch-review-lines = { $count ->
    [one] à revoir : ligne { $lines }
   *[other] à revoir : lignes { $lines }
}
batch-done-undecided = { $count } à confirmer, faute de réponse sur la stratégie d’entraînement
batch-done-errors = { $count } en erreur
batch-done-blank = { $count ->
    [one] { $count } ligne vide
   *[other] { $count } lignes vides
}
batch-progress-known = dues batch : { $rows ->
    [one] { $rows } ligne
   *[other] { $rows } lignes
}, { $percent } %, encore { $left }…
duration = { $minutes ->
    [0] { $seconds } s
   *[other] { $minutes } min { $seconds } s
}
warn-small-budgets = la plupart des budgets de la colonne « { $column } » ({ $small } sur { $of }) sont plus petits que ne peut l’être celui de leur type, par exemple « { $example } » pour une organisation de type { $kind } (au moins { $floor }) : s’ils sont en milliers ou en millions d’euros, dites-le avec --budget-unit k€ ou M€ (ils ont été chiffrés tels quels)
warn-convention = la colonne « { $column } » sépare les milliers par « { $mark } » (par exemple « { $example } ») : une valeur comme « 850{ $mark }000 » s’y lit donc 850 mille, et non 850 ; donnez --decimal-mark si c’est faux
batch-progress = dues batch : { $rows ->
    [one] { $rows } ligne…
   *[other] { $rows } lignes…
}

## Ce qui arrête une commande

fail-stdin-twice = la table des tranches (--tiers - ou DUES_TIERS=-) et l’entrée du lot lisent toutes deux l’entrée standard ; donnez l’une des deux sous forme de fichier
origin-built-in = { $file } (intégrée)
origin-stdin = <entrée standard>
fail-table-read = impossible de lire la table des tranches { $path } : { $error }
fail-table-read-stdin = impossible de lire la table des tranches sur l’entrée standard : { $error }
fail-input-read = impossible de lire { $origin } : { $error }
fail-in = { $origin } : { $error }
fail-write-stdout = impossible d’écrire sur la sortie standard (stdout) : { $error }
fail-write = impossible d’écrire { $path } : { $error }
fail-write-in = impossible d’écrire dans { $dir } : { $error }
fail-output-folder = { $path } : c’est un dossier ; donnez un nom de fichier
fail-too-many-links = { $path } : trop de niveaux de liens symboliques
fail-output-is-input = { $option } { $path } est le fichier d’entrée ; écrivez dans un autre fichier
fail-terminal = impossible de poser la question dans le terminal : { $error }
fail-same-outputs = --summary-json { $path } est aussi le fichier de -o : le résumé remplacerait les lignes chiffrées ; donnez-lui un autre fichier
fail-input-is-output = { $origin } : le fichier d’entrée est aussi la sortie (stdout) ; écrivez les lignes chiffrées dans un autre fichier
io-not-found = fichier ou dossier introuvable
io-permission-denied = permission refusée
io-storage-full = plus de place sur le périphérique
io-is-a-directory = c’est un dossier
io-not-a-directory = une partie du chemin n’est pas un dossier
io-read-only = le système de fichiers est en lecture seule
io-broken-pipe = le lecteur est parti (tube cassé)
io-invalid-utf16 = UTF-16 invalide vers l’octet { $offset } : un demi-caractère isolé ou un nombre impair d’octets
io-output-not-utf8 = une sortie qui n’est pas en UTF-8 ne peut pas s’écrire en UTF-16
io-invalid-utf8 = le contenu n’est pas du texte UTF-8 valide
io-other = erreur d’entrée-sortie
## Erreurs d'utilisation (celles de clap, formulées ici)

clap-missing-argument = il manque des arguments obligatoires : { $args }
clap-unknown-argument = argument inattendu : « { $arg } »
clap-invalid-value = valeur « { $value } » invalide pour « { $arg } »
clap-empty-value = « { $arg } » demande une valeur, et n’en a reçu aucune
clap-unknown-command = commande inconnue : « { $command } »
clap-missing-command = il faut une commande : { $commands }
clap-repeated = « { $arg } » ne peut être donné qu’une fois
warn-lang = DUES_LANG={ $value } n’est pas une langue de dues (fr ou en) : la sortie est en français
completion-commands = commandes
clap-conflict = l’argument « { $arg } » ne peut pas être utilisé avec « { $other } »
clap-no-equals = il faut un signe égal pour donner une valeur à « { $arg } »
clap-too-many-values = valeur inattendue « { $value } » pour « { $arg } » : aucune autre n’était attendue
clap-wrong-number-of-values = « { $arg } » n’a pas reçu le nombre de valeurs qu’il prend
clap-invalid-utf8 = un argument n’est pas en UTF-8 valide
clap-other = les arguments ne peuvent pas être lus
clap-threads = un nombre de fils va de 1 à { $most }, par exemple 2
clap-date-format = une date s’écrit AAAA-MM-JJ et doit exister, par exemple 2026-12-01
clap-possible-values = valeurs possibles : { $values }
clap-similar-argument = astuce : un argument proche existe : « { $arg } »
clap-similar-command = astuce : une commande proche existe : « { $command } »
clap-similar-value = astuce : une valeur proche existe : « { $value } »
clap-usage = Utilisation : { $usage }
clap-more = Pour en savoir plus, essayez « --help ».

## Aide

help-usage-heading = Utilisation :
# clap écrit le deux-points après chaque titre : l’espace fine est ici.
help-heading-options = Options 
help-heading-arguments = Arguments 
help-heading-global = Options de toutes les commandes 
help-heading-commands = Commandes 
help-help = Afficher l’aide
help-version = Afficher la version
help-help-command = Afficher l’aide de dues ou de l’une de ses commandes
help-help-command-arg = La commande dont afficher l’aide
help-about = Chiffrer la cotisation d’adhésion à La 27e Région.
help-description =
    Lit la table des tranches du dépliant « Adhésion 2022 » (intégrée, ou celle d’une autre année avec --tiers), classe une organisation selon son budget annuel et son type, et affiche la cotisation, pourquoi, et les avantages de l’adhésion.
help-examples =
    Exemples :
      dues quote --budget "2,3 M€" --kind commune
      dues quote --budget "1 500 000 €" --kind "Conseil départemental" --network-strategy non
      dues quote --budget "1,2 Md€" --kind région --network-strategy oui --format json
      dues tiers
      dues check tranches-2023.toml
      dues --tiers tranches-2023.toml quote --budget 850k --kind association
help-exit-codes =
    Codes de retour : 0 fait ; 1 l’entrée ne peut pas être chiffrée (budget invalide, type inconnu, stratégie d’entraînement manquante) ; 2 erreur d’utilisation ou table des tranches invalide ; 130 une question abandonnée (Ctrl-C, Échap) ou le programme interrompu.
help-tiers = Table des tranches à utiliser au lieu de celle de 2022, intégrée (« - » : l’entrée standard ; aussi DUES_TIERS, où une valeur vide veut dire la table intégrée).
help-lang = Langue de la sortie : fr (français, par défaut) ou en (anglais) ; aussi DUES_LANG.
help-color = Quand mettre du gras et de la couleur : auto (par défaut : dans un terminal, sauf si NO_COLOR est défini), always (toujours) ou never (jamais).
usage-dues = dues [options] <commande>
value-command = COMMANDE
value-file = FICHIER
value-lang = LANGUE
value-when = QUAND
value-amount = MONTANT
value-kind = TYPE
value-answer = RÉPONSE
value-name = NOM
value-format = FORMAT
value-column = COLONNE
value-input = ENTRÉE
value-delimiter = SÉPARATEUR
value-encoding = ENCODAGE
value-shell = SHELL

help-quote = Chiffrer la cotisation d’une organisation.
usage-quote = dues quote --budget <MONTANT> --kind <TYPE> [options]
help-quote-after =
    Dans un terminal, ce qui manque est demandé : le budget, le type (les noms de la table proposés au fil de la frappe), la réponse à la question de la stratégie d’entraînement quand elle décide de la cotisation ; un budget trop petit pour son type est à confirmer. Sans terminal, ou avec --no-input, rien n’est demandé.

    Les montants se lisent comme on les écrit en français : 2300000, 2 300 000, 2 300 000,50 €, 2,3 M€, 2.3M, 850 k€, 1,2 Md€. « 1,500 » et « 1.500 » sont refusés comme ambigus.

    Exemples :
      dues quote
      dues quote -b "2,3 M€" -k commune
      dues quote -b "850 k€" -k asso -n "Les Ateliers" --explain
      dues quote -b "1,2 Md€" -k "Conseil régional" -s oui -f letter > proposition.md
      dues quote -b 12000000 -k departement -s non -f json
help-quote-budget = Budget annuel, par exemple 2300000, « 2 300 000 € », « 2,3 M€ », « 850 k€ ».
help-quote-kind = Type d’organisation : un id de la table, son libellé ou l’un de ses autres noms, au singulier ou au pluriel (« commune », « Conseil régional », « asso »…) ; `dues tiers` les liste.
help-quote-strategy = A-t-elle une stratégie d’entraînement des collectivités plus petites de son territoire ? oui ou non (aussi yes/no, true/false, 1/0, o/n, y/n). Nécessaire pour une Région, un Département ou une Métropole.
help-quote-name = Nom de l’organisation, repris dans la sortie.
help-quote-format = Format de sortie : table (pour les gens, par défaut), text (le même, sans cadre, à copier), letter (une proposition à coller dans un courriel), html (la même, une page à imprimer), json ou csv.
help-quote-explain = Montrer quelle règle s’applique et lesquelles non, avec les chiffres.
help-format-table = pour les gens
help-format-json = pour les scripts
help-format-csv = un en-tête et une ligne, avec les colonnes qu’ajoute dues batch
help-format-tiers-json = chaque borne, type et autre nom
help-format-toml = la source de la table (d’une table valide seulement)
help-format-batch-csv = le dialecte de l’entrée
help-format-jsonl = un objet JSON par ligne

help-batch = Chiffrer une liste de prospects, CSV ou classeur : chaque ligne rendue, dans l’ordre, avec sa cotisation.
usage-batch = dues batch [<ENTRÉE>] [options]
help-batch-after =
    Lit les exports d’Excel et des CRM tels qu’ils sont : « ; », « , » ou tabulation, Windows-1252, UTF-8 (avec ou sans BOM) ou UTF-16 avec son BOM, CRLF ou LF, des budgets comme « 1 500 000,00 € », en k€ ou en M€ si l’en-tête le dit (« Budget (M€) »). Les colonnes se trouvent par leur en-tête, années, unités et ponctuation mises à part (« Raison sociale », « Forme juridique », « Budget 2024 (€) », « Stratégie »…). Chaque ligne est rendue, dans l’ordre, ses champs intacts, avec tier, fee, fee_basis et error, dans le dialecte de l’entrée ; les lignes vides restent vides.

    Codes de retour : 0 toutes les lignes chiffrées (lignes vides à part) ; 1 une ligne en erreur ou à confirmer (ou --strict s’est arrêté) ; 2 le lot n’a pas pu commencer (utilisation, table, entrée illisible, colonne manquante).

    Exemples :
      dues batch prospects.csv -o prospects-chiffres.csv --summary
      dues batch --format jsonl < prospects.csv
      dues batch liste.csv --budget-unit M€ --network-strategy non --summary-json resume.json
      dues batch export.csv --budget-column "Budget 2022" --kind-column 3
help-batch-input = La liste à chiffrer : un CSV, ou un classeur xlsx, xlsm, xls, xlsb ou ods (« - » ou rien : l’entrée standard).
help-batch-output = Écrire dans FICHIER plutôt que sur la sortie standard ; un FICHIER en .xlsx reçoit un classeur (cellules typées, cotisation en nombre, feuille de résumé). Un fichier temporaire dans le même dossier est renommé une fois complet, si bien qu’un échec ne laisse jamais un demi-fichier ; un tube nommé (FIFO) ou un périphérique reçoit les lignes directement.
help-batch-format = Format de sortie : csv (le dialecte de l’entrée, par défaut ; UTF-8 et « , » pour un classeur) ou jsonl (un objet JSON par ligne). Sans objet avec -o …xlsx.
help-batch-delimiter = Séparateur de champs : auto (par défaut : celui qui découpe le plus régulièrement les premières lignes ; la tabulation pour un fichier .tsv), « ; » ou semicolon, « , » ou comma, tab, « | » ou pipe.
help-batch-encoding = Encodage d’un fichier texte : auto (par défaut : UTF-16 s’il commence par son BOM, sinon UTF-8 strict, sinon Windows-1252), utf-8, windows-1252, utf-16le ou utf-16be. La sortie s’écrit dans le même. Sans objet pour un classeur.
help-batch-name-column = Colonne du nom, par son en-tête ou son numéro à partir de 1 (par défaut : trouvée par son en-tête, « Nom », « Raison sociale »…).
help-batch-kind-column = Colonne du type, par son en-tête ou son numéro (par défaut : « Type », « Forme juridique »…).
help-batch-budget-column = Colonne du budget, par son en-tête ou son numéro (par défaut : « Budget », « Budget 2024 (€) », « BP 2024 »…). Un chiffre d’affaires n’est pas un budget : nommez sa colonne pour l’utiliser.
help-batch-strategy-column = Colonne de la stratégie d’entraînement, par son en-tête ou son numéro (par défaut : « Stratégie d’entraînement », « Stratégie »…).
help-batch-budget-unit = Unité des budgets écrits en nombres simples : € (euros), k€ (milliers d’euros) ou M€ (millions d’euros) ; l’emporte sur l’unité que nomme l’en-tête (« Budget (M€) »). Une valeur qui porte sa propre unité (« 2,3 M€ ») se lit telle qu’écrite, sauf dans une colonne en k€ ou M€ où une autre unité est une erreur de ligne.
help-batch-decimal-mark = Marque décimale du fichier : « , » ou « . » (l’autre sépare alors les milliers). Sans elle, une colonne qui n’emploie une marque que pour séparer les milliers (« 57,300,000 ») lit « 850,000 » comme 850 000.
help-batch-strategy = Réponse à la question de la stratégie d’entraînement pour chaque ligne qui n’a pas la sienne : oui ou non (aussi yes/no…). Elle ne remplace jamais la réponse d’une ligne, et le résumé la rappelle.
help-batch-summary-json = Écrire les chiffres du résumé en JSON dans FICHIER (lignes, chiffrées, vides, à confirmer, erreurs par motif, total, par tranche, par type, avertissements).
value-unit = UNITÉ
value-mark = MARQUE
help-batch-strict = S’arrêter à la première ligne en erreur (code 1), sans rien écrire.
help-batch-threads = Fils qui chiffrent les lignes, en parallèle (par défaut : un par cœur, jusqu’à 4 ; 1 : sur le fil qui lit ; aussi DUES_THREADS). Les lignes sortent toujours dans l’ordre.
value-threads = N
help-batch-summary = Afficher sur la sortie d’erreur les lignes et cotisations par tranche et par type, les lignes vides, à confirmer et en erreur (par motif), et le total, exact ou en fourchette.
help-tiers-command = Afficher toute la table des tranches : la condition de chaque tranche, sa cotisation, et les avantages.
usage-tiers = dues tiers [options]
help-tiers-after =
    Exemples :
      dues tiers
      dues tiers --format json --lang en
      dues tiers --format toml > tranches-2023.toml   # pour commencer la table de l’année prochaine
help-tiers-format = Format de sortie : table (pour les gens, par défaut), json (chaque borne, type et autre nom) ou toml (la source de la table).

help-check = Valider une table des tranches et vérifier ses exemples ; lister chaque problème.
usage-check = dues check [<FICHIER>]
help-check-after =
    Exemples :
      dues check
      dues check tranches-2023.toml
help-check-file = La table à vérifier (par défaut : la table choisie ; « - » : l’entrée standard).

help-completions = Écrire un script de complétion pour un shell.
usage-completions = dues completions <SHELL>
help-completions-after =
    Exemple :
      dues completions bash > ~/.local/share/bash-completion/completions/dues
help-completions-shell = Le shell : bash, zsh, fish, powershell ou elvish.

help-man = Écrire la page de manuel (roff).
usage-man = dues man
help-man-after =
    Exemple :
      dues man > dues.1 && man ./dues.1
usage-help = dues help [<COMMANDE>]

## La page de manuel

man-manual = Commandes
man-name = NOM
man-synopsis = SYNOPSIS
man-synopsis-args = [options] commande [arguments]
man-description = DESCRIPTION
man-description-text =
    dues chiffre la cotisation d’adhésion à La 27e Région, le laboratoire d’innovation publique, d’après la table des tranches de son dépliant « Adhésion 2022 » : la cotisation, pourquoi celle-là, et les avantages qu’elle ouvre.

    La table est une donnée : elle est intégrée, et celle d’une autre année est un autre fichier, donné avec --tiers. Les montants sont des décimaux exacts, lus comme on les écrit en français. Chaque mot qu’affiche dues est en français, ou en anglais avec --lang en.
man-options = OPTIONS
man-commands = COMMANDES
man-exit-status = CODES DE RETOUR
man-exit-status-text =
    0 : fait (chiffré, table valide).
    1 : l’entrée ne peut pas être chiffrée (budget invalide, type inconnu, réponse de stratégie manquante ou illisible), ou une ligne d’un lot est en erreur.
    2 : erreur d’utilisation, table des tranches illisible ou invalide, entrée illisible ou sortie impossible à écrire.
man-environment = ENVIRONNEMENT
man-environment-text =
    DUES_TIERS : la table des tranches à utiliser, comme --tiers (vide : celle intégrée).
    DUES_LANG : la langue de la sortie, comme --lang (fr ou en).
    DUES_THREADS : les fils qui chiffrent les lignes d’un lot, comme --threads.
    NO_COLOR : défini et non vide, ni gras ni couleur avec --color auto.
man-examples = EXEMPLES
io-too-many-links = trop de niveaux de liens symboliques
io-name-too-long = nom de fichier trop long
io-file-too-large = fichier trop gros
io-quota = quota de disque dépassé
io-cross-device = le fichier et son dossier ne sont pas sur le même système de fichiers
io-bad-descriptor = le descripteur de fichier n’est pas ouvert
io-too-many-files = trop de fichiers ouverts
io-os-error = erreur du système (code { $code })
date-long = { $day ->
    [1] 1er
   *[other] { $day }
} { $month ->
    [1] janvier
    [2] février
    [3] mars
    [4] avril
    [5] mai
    [6] juin
    [7] juillet
    [8] août
    [9] septembre
    [10] octobre
    [11] novembre
   *[12] décembre
} { $year }
letter-date = Le { $date }
letter-recipient = À l’attention de : { $name }
letter-subject = Objet : { $title } à { $issuer }
letter-greeting = Madame, Monsieur,
letter-who-named = { $name }, organisation de type { $kind } au budget annuel de { $budget }
letter-who = une organisation de type { $kind } au budget annuel de { $budget }
letter-fee = { $basis ->
    [minimum] Pour { $who }, la cotisation d’adhésion à { $issuer } ({ $title }) est la suivante : { $fee } (tranche : { $tier }).
   *[fixed] Pour { $who }, la cotisation d’adhésion à { $issuer } ({ $title }) est de { $fee } (tranche : { $tier }).
}
letter-fee-minimum = à partir de { $amount }, { $note }
letter-closing = Nous restons à votre disposition pour toute question, et serions heureux de vous compter parmi nos adhérents.
letter-regards = Veuillez agréer, Madame, Monsieur, l’expression de nos salutations distinguées.
fail-no-issuer = la table { $origin } n’a pas de section [issuer] : une lettre dit qui l’envoie (nom, adresse, contact) ; ajoutez-la, ou choisissez un autre --format
help-format-text = sans cadre, à copier
help-format-letter = une proposition à envoyer
help-format-html = la proposition, en page à imprimer
help-quote-date = Date de la proposition (letter, html), AAAA-MM-JJ ; par défaut, aujourd’hui.
help-quote-no-input = Ne rien demander, même dans un terminal : ce qui manque est une erreur.
value-date = DATE
value-sheet = FEUILLE
help-batch-sheet = Feuille du classeur à chiffrer (xlsx, xlsm, xls, xlsb, ods), par son nom ou son numéro à partir de 1 ; par défaut, la feuille visible dont l’en-tête a les colonnes d’une liste à chiffrer.