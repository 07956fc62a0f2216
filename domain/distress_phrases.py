"""The phrases of distress the bot knows, as data in the pattern language of `domain.distress`:
the spellings children use for one word, the words that may stand between a phrase's words, the
Dutch and English phrases, and the harmless sentences taken out before matching.

Decisions, so that everyday school sentences stay quiet:
- "ik ga dood (van verveling)", "ik wil dood van verveling", "ik lach me dood", "ik schaam me
  dood" are idioms: they do not trigger. "ik wil dood" does, and so does "ik wil dood van
  verdriet"; "ik wil niet dood" does not.
- "ik wil niet meer" triggers when the clause ends there ("ik wil niet meer.", "ik wil niet
  meer, niemand snapt me", "ik wil niet meer 😢") or a new clause follows ("ik wil niet meer ik
  ben zo moe"); "ik wil niet meer rekenen" or "... naar school" does not. A child who writes
  only that to their mentor is worrying, and a false alarm costs a mentor a minute.
- Accidents are not self-harm: "ik heb mezelf gesneden aan papier", "I cut myself on a knife",
  "I hurt my knee" stay quiet; "ik snij mezelf", "I keep cutting myself", "I cut myself on
  purpose" do not.
- Being hit ("slaat me", "schopt me", "hits me") triggers whoever does it: a mentor would want
  to know about a brother who hits too. Games do not: "verslaat me", "beats me at chess".
"""

from __future__ import annotations

# Spellings of one word that children use, separated by spaces; the first is the standard one.
SLOTS: dict[str, str] = {
    # Dutch
    "ik": "ik k ikke ik_zelf",
    "wil": "wil wl wilt wille wou wilde zou_willen",
    "willen": "willen wil wilt zou_willen",
    "niet": "niet nie ni nt nooit",
    "meer": "meer mr meeer",
    "mezelf": "mezelf mijzelf mezelve me_zelf mij_zelf mn_zelf mijn_zelf",
    "me": "me mij",
    "mijn": "mijn mn m me",
    "dood": "dood doot dod doodgaan dood_gaan sterven dood_zijn",
    "leven": "leven leve lefen bestaan",
    "iemand": (
        "hij zij ze iemand iemant vader papa pap paps pa moeder mama mam mams ma stiefvader "
        "stiefmoeder stiefpa stiefma stiefpapa stiefmama broer broertje zus zusje oom tante opa "
        "oma ouders vriend oppas"
    ),
    "familie": (
        "vader papa pap pa moeder mama mam ma stiefvader stiefmoeder stiefpa stiefma broer oom "
        "opa ouders vriend_van_mijn_moeder vriend_van_mama"
    ),
    # English
    "i": "i im i_am i_m ive id",
    "want": "want_to wanna wana want wnt_to wish_i_could need_to ready_to",
    "dont": "dont do_not don_t dnt doesnt didnt cant can_not cannot",
    "myself": "myself my_self meself myslef mysef",
    "anymore": "anymore any_more no_more anymor",
    "someone": (
        "he she they someone somebody dad daddy father mom mum mommy mummy mother stepdad "
        "stepmom stepmum stepfather stepmother brother sister uncle aunt grandpa grandma "
        "granddad grandad parents boyfriend babysitter"
    ),
    "family": (
        "dad father mom mum mother stepdad stepmom stepmum stepfather stepmother brother uncle "
        "grandpa parents moms_boyfriend mums_boyfriend"
    ),
}

# Words that may stand between the words of a phrase without changing what it says.
FILLERS: str = (
    # Dutch
    "echt egt gewoon gwn zo nu soms vaak altijd steeds weer eigenlijk ook al nog liefst "
    "het_liefst hoor ofzo nou heel helemaal gewoonweg thuis elke_dag iedere_dag s_avonds snachts "
    "zelf dan maar "
    # English
    "really rly just sometimes always often still so actually kinda literally honestly "
    "seriously at_home again also even every_day at_night"
)

# (id, pattern). The ids name a phrase in the audit trail and in tests, never the words typed.
DUTCH: tuple[tuple[str, str], ...] = (
    ("nl.wil_dood", "<ik>? <wil> <dood> !graag|van_de_honger|van_verveling"),
    ("nl.dood_willen", "<dood> <willen>"),
    ("nl.niet_meer_leven", "<wil> <niet> <meer>? <leven>"),
    ("nl.niet_meer_wakker", "<niet> <meer> wakker worden|word|te_worden"),
    ("nl.er_niet_meer_zijn", "<wil> er <niet> <meer> zijn|wezen"),
    ("nl.stoppen_met_leven", "stoppen|stop met <leven>|het_leven"),
    ("nl.wil_niet_meer", "<ik> <wil> <niet> <meer> $"),
    ("nl.wil_niet_meer_en", "<ik> <wil> <niet> <meer> niemand|ik|k|het_leven"),
    ("nl.wil_niet_meer_alleen", "^ <wil> <niet> <meer> $"),
    ("nl.zelfmoord", "zelfmoord|zelfmoordgedacht*|zelfmoordplan*|zelfmoordpoging*|zelf_moord"),
    ("nl.suicide", "suicid* !squad"),
    ("nl.zelfdoding", "zelfdoding"),
    ("nl.eind_eraan", "er een? eind|einde|end aan maken|maak|make|te_maken"),
    ("nl.eind_eraan_maak", "maak|maken er een? eind|einde aan"),
    ("nl.eind_aan_leven", "eind|einde aan <mijn> <leven>"),
    ("nl.leven_beeindigen", "<mijn> <leven> beeindig*|stoppen"),
    ("nl.mezelf_doden", "<mezelf> dood_maken|doodmaken|vermoorden|doden|van_kant_maken|ophangen"),
    ("nl.ophangen", "hang|hangen <mezelf> op"),
    ("nl.wou_dood", "wou|wilde|zou_willen dat ik dood|nooit_geboren|niet_geboren|er_niet_was"),
    ("nl.was_ik_maar", "was ik maar dood|nooit_geboren|niet_geboren"),
    ("nl.leven_moe", "het|mijn leven moe|zat|beu"),
    ("nl.klaar_met_leven", "klaar met het|mijn leven"),
    ("nl.leven_zinloos", "<leven> heeft geen zin|nut"),
    ("nl.leven_zinloos_2", "<mijn> <leven> is zinloos|niks_waard|waardeloos"),
    ("nl.geen_zin_in_leven", "geen zin meer? in het|mijn leven"),
    ("nl.niemand_mist_me", "niemand zou|zal <me> missen"),
    ("nl.beter_zonder_mij", "beter af zonder mij|me"),
    ("nl.beter_zonder_mij_af", "beter zonder mij|me af"),
    ("nl.springen", "<wil> van het|een|de dak|flat|brug|gebouw af? springen|spring"),
    ("nl.springen_ga", "ga van het|een|de dak|flat|gebouw af? springen|spring"),
    ("nl.trein", "voor de|een trein springen|spring|gaan_liggen|gooien"),
    ("nl.overdosis", "overdos*"),
    ("nl.snij_mezelf", "snij|snijd|snijt|kras|bekras|brand <mezelf>"),
    ("nl.mezelf_snijden", "<mezelf> snijden|krassen|pijn_doen|pijn_te_doen|beschadigen|verwonden"),
    ("nl.mezelf_iets_aandoen", "<mezelf> iets|wat aandoen|aan_doen|aan_te_doen"),
    ("nl.doe_mezelf_pijn", "doe <mezelf> pijn|iets_aan|wat_aan"),
    ("nl.expres", "<mezelf> expres|expers|met_opzet pijn*|gesneden|gekrast|gebrand|verwond*"),
    ("nl.expres_2", "expres|expers|met_opzet <mezelf> pijn*|gesneden|gekrast|gebrand|verwond*"),
    ("nl.snij_in_arm", "snij|snijd|snijt|snijden|sneed in <mijn> arm|armen|pols*|benen|bovenbenen"),
    ("nl.zelfbeschadiging", "zelfbeschadig*|automutil*|zelfverwond*"),
    ("nl.slaat_me", "slaat|sloeg|slaan|sloegen|schopt|schopte|schoppen|wurgt|stompt <me>"),
    ("nl.mishandelt", "mishandelt|mishandelen|mishandelde|misbruikt|misbruiken <me>"),
    ("nl.slaat_familie", "<iemand> slaat|sloeg|schopt|mishandelt <mijn> <familie>|zus|zusje"),
    ("nl.doet_pijn", "<iemand> doet|doen|deed|deden <me> pijn"),
    ("nl.thuis_pijn", "thuis doen|doet ze|hij|zij|iemand|mensen <me> pijn"),
    (
        "nl.word_geslagen",
        "word|werd|wordt geslagen|geschopt|mishandeld|misbruikt|verkracht "
        "!bij_voetbal|bij_het_voetbal|bij_gym|bij_hockey|bij_judo|tijdens",
    ),
    ("nl.misbruik", "misbruik|mishandeling|verkracht*"),
    ("nl.aanraken", "<iemand> raakt|raakte|zit|zat <me> aan !te"),
    ("nl.bang_naar_huis", "durf <niet> <meer>? naar huis"),
    ("nl.bang_voor_familie", "bang voor <mijn> <familie>"),
    ("nl.onveilig_thuis", "<niet> veilig thuis"),
    ("nl.thuis_onveilig", "thuis is het? <niet> veilig"),
    ("nl.bang_thuis", "ben bang thuis"),
)  # fmt: skip

ENGLISH: tuple[tuple[str, str], ...] = (
    ("en.want_to_die", "<want> die|be_dead !my|your|her|his|the"),
    ("en.wish_dead", "wish i|id was|were dead"),
    (
        "en.wish_unborn",
        "wish i|id wasnt|werent|was_never|were_never|had_never_been|hadnt_been born",
    ),
    ("en.wish_gone", "wish i|id didnt|did_not exist|never_existed"),
    ("en.kill_myself", "kill|killing <myself> !laughing"),
    ("en.kms", "i|to|wanna|gonna|ima|imma|should|just|might kms"),
    ("en.suicide", "suicid* !squad"),
    ("en.end_my_life", "end|ending|take|taking my own? life"),
    ("en.end_it_all", "end it all"),
    ("en.dont_want_to_live", "<dont> <want> live|be_alive|exist|living"),
    ("en.not_here", "<dont> <want> be here <anymore>"),
    ("en.wake_up", "<dont> <want> wake up <anymore>|again|ever_again"),
    ("en.better_dead", "better off dead|without_me"),
    ("en.no_one_miss", "no_one|nobody|noone would|will|wouldnt|wont miss me"),
    (
        "en.no_one_care",
        "no_one|nobody|noone would|will|wouldnt|wont care|notice "
        "if i died|die|was_gone|were_gone|disappeared",
    ),
    ("en.no_reason", "no reason|point to|in live|living|be_alive"),
    (
        "en.life_pointless",
        "my? life_is|lifes|life_s pointless|meaningless|not_worth_living|worthless|not_worth_it",
    ),
    ("en.feel_like_dying", "feel like dying|ending_it|ending_my_life"),
    ("en.tired_of_life", "tired|sick of living|life|being_alive !skills"),
    ("en.give_up_life", "give|given|giving up on life|living"),
    ("en.hang", "hang <myself>"),
    ("en.jump", "jump|jumping off|from a|the bridge|roof|building"),
    ("en.jump_train", "jump|jumping in_front_of a|the train"),
    ("en.overdose", "overdos*"),
    ("en.want_hurt", "<want>|gonna|going_to hurt|harm|cut|burn|kill <myself>"),
    ("en.hurting", "hurting|harming|cutting|burning <myself>"),
    ("en.cut_again", "cut|hurt|harm|burn|burned|burnt <myself> $|again|sometimes|every|at_night"),
    ("en.on_purpose", "<myself> on_purpose|deliberately"),
    ("en.self_harm", "self_harm*|selfharm*|self_injur*|self_mutil*"),
    ("en.wrists", "cut|slit|slice|cutting my wrist*|arms|thighs"),
    (
        "en.hits_me",
        "<someone> hits|hit|kicks|kicked|hurts|chokes|choked|slaps|slapped|punches|punched me",
    ),
    ("en.beats_me", "<someone> beats|beat me !at|in"),
    ("en.beats_me_home", "<someone> beats|beat me at home"),
    ("en.abuses_me", "<someone> abuses|abused|molests|touches|touched me"),
    ("en.hits_me_bare", "hits|kicks|chokes|slaps|punches me !at|in"),
    ("en.hits_family", "<someone> hits|beats|hurts my <family>|sister|mom"),
    ("en.get_hit", "get|got|am|im|being|was hit|beaten|kicked|hurt|abused by my? <someone>"),
    ("en.get_hit_home", "get|got|am|im|being|was hit|beaten|kicked|hurt|abused at home"),
    ("en.abused", "<i> was|been|being|get|got? abused|molested|raped"),
    ("en.hurts_me_home", "at home <someone> hurts|hits|beats me"),
    ("en.scared_home", "scared|afraid to go home"),
    ("en.scared_of_family", "scared|afraid of my <family>"),
    ("en.unsafe_home", "<dont> feel safe at home"),
    ("en.abuse", "abusive|abusing_me|abuses_me"),
)  # fmt: skip

# Whole phrases that mean something harmless, taken out before matching.
HARMLESS: tuple[str, ...] = (
    "dont want to die",
    "do not want to die",
    "dont wanna die",
    "didnt want to die",
    "never want to die",
)
