"""What is said in every statement of its kind and so asserts nothing to check: a priority, a promise of
attention, regret, sympathy, confidence, a dream, a dedication, a tribute's guess (moods.py reads the rest of
what asserts nothing, and when a platitude is the whole statement)."""

from __future__ import annotations

import re

# "the safety of our customers is our highest priority", "it takes these concerns very seriously": nothing to check.
PLATITUDE = re.compile(
    r"^[“\"]?(?:the\s)?(?:safety|wellbeing|well-being|welfare|health|security)\sof\s(?:our|its|their)\s[\w\s-]{1,40}?"
    r"\s(?:is|are|remains|remain|has\salways\sbeen)\s(?:always\s)?(?:our|its|their)\s(?:highest|top|first|number\sone|"
    r"absolute|overriding|utmost)\spriority|^(?:we|it|they)\s(?:take|takes|took)\s[\w\s’'-]{1,40}?\s(?:very\s|extremely\s)?"
    r"seriously\b|"
    # "We are treating this with the utmost seriousness": the same, as a promise of attention.
    r"^(?:we|it|they)\s(?:are|is|were|was)\streating\s(?:this|it|the\s\w+)\s(?:very\s|extremely\s)?(?:seriously|"
    r"with\sthe\s(?:utmost|greatest)\sseriousness)\b|"
    # "This was not a decision the board took lightly", "Nobody wants to strike", "Dean gave everything": tributes too.
    r"^(?:this|it|that)\s(?:was|is|has\sbeen)\snot\s(?:an\seasy\s(?:decision|choice)|a\s(?:decision|step|choice)\s"
    r"[\w\s’'-]{1,40}?\s(?:took|taken|take|takes)\slightly)\b|"
    # "staff “did not take this decision lightly”", "the decision had not been taken lightly": the same, twice.
    r"^(?:[\w’'-]+\s){0,3}[“\"]?(?:did|do|does|had|have|has|would)\s(?:not|never)\stake\s(?:this|the|that|such\san?)\s"
    r"(?:[a-z]+\s)?(?:decision|step|action|choice)\slightly\b|"
    r"^(?:the|this|that|its|our)\s(?:decision|step|choice)\s(?:had|has|was|is)\snot\s(?:been\s)?(?:taken|made)\slightly\b|"
    # "it would not hesitate to prosecute landlords who …": a warning, however firm, does nothing yet.
    r"^(?:it|we|they|he|she)\s(?:would|will)\snot\shesitate\sto\s[^.;“”\"]*|"
    # "No university wants to do this": nor does any body of a kind.
    r"^(?:nobody|no\sone|no-one|no\s[a-z]{3,20})\s(?:wants|wanted)\sto\s"
    r"\w+|^[\w’'-]{2,30}\s(?:gave|has\sgiven)\s(?:everything|his\sall|her\sall|so\smuch)\sto\s(?:this|the|our)\s|"
    r"^[\w’'-]{2,30}\s(?:was|is)\sthe\s(?:kindest|gentlest|bravest|loveliest|most\s(?:generous|caring|loving|selfless))\s"
    r"(?:person|man|woman|friend|soul)\s(?:I|we)\s(?:have\s|had\s)?(?:ever\s)?(?:known|met)\b|"
    # "The only poll that matters is on 22 May", "We are confident our record will speak for itself": confidence.
    r"^the\sonly\s(?:poll|vote)\sthat\s(?:matters|counts)\b|^(?:we|i)\s(?:are|am|remain)\s(?:very\s|quietly\s)?"
    r"confident\b|^[\w\s’'-]{1,80}?\bspeaks?\sfor\s(?:itself|themselves)\b|"
    # "There is no place for racism in our game": what every club says; "It feels like we are punished": an impression.
    r"^there\s(?:is|was|can\sbe)\sno\splace\sfor\b|^it\s(?:feels|felt)\s(?:like|as\sif|as\sthough)\b|"
    # "Another 20 minutes and it would have been …", "Another £10 a day would have finished us": what did not happen.
    r"^another\s[\w\s]{1,20}?\sand\s(?:it|we|they|he|she|the\s[a-z]+)\s(?:would|could|might)\shave\b[^.;“”\"]{0,80}|"
    r"^another\s[£$€]?[\w\s]{1,20}?\s(?:would|could|might)\shave\s(?:finished|ruined|killed|closed|sunk)\s[^.;“”\"]{0,40}|"
    # "she would have been embarrassed by the attention", "He would have been so proud": a tribute's guess.
    r"^(?:he|she|they|[A-Z][\w’'-]{1,30}(?:\s[A-Z][\w’'-]{1,30}){0,2})\swould\shave\sbeen\s(?:so\s|very\s|really\s|incredibly\s)?(?:proud|"
    r"embarrassed|delighted|thrilled|horrified|heartbroken|pleased|happy|amazed|overjoyed|honoured|humbled|mortified|"
    r"touched|moved)\b[^.;“”\"\d]{0,80}|"
    # "We just want it moved 200 metres": a wish, whatever its measure.
    r"^(?:we|i)\s(?:just\s|only\s|simply\s|really\s)?want(?:ed)?\s(?:it|them|this|that|him|her)\s[a-z]+ed\b"
    r"[^.;“”\"]{0,60}|"
    # "This should not have happened, and I'm sorry for the worry it has caused.": an apology, nothing to check.
    r"^this\sshould\s(?:not|never)\shave\shappened\b[^.;“”\"\d]{0,80}|"
    # "This is a painful decision for a company with our history": regret, however the decision is framed.
    r"^this\s(?:is|was|has\sbeen)\s(?:a|an|one\sof\sthe)\s(?:very\s|really\s|deeply\s|incredibly\s)?(?:painful|difficult|"
    r"hard|sad|tough|heartbreaking|heavy|hardest|toughest|saddest|most\sdifficult|most\spainful)\s(?:decision|day|time|"
    r"moment)s?\b[^.;“”\"\d]{0,60}[.,!]?$|"
    # "It's the worst I've seen in 20 years.": a memory's superlative, which no record holds.
    r"^(?:it|this|that)(?:['’]s|\sis|\swas)\sthe\s(?:worst|best|busiest|biggest|quietest)\s(?:i|we)(?:['’]ve|\shave)\s"
    r"(?:ever\s)?(?:seen|known|had)(?:\sin\s(?:\d{1,3}|[a-z]{3,9})\s(?:years|decades))?[.,!]?$|"
    # "We are very sorry to everyone who was caught up in this": an apology, to whomever it is made.
    r"^(?:we|i)(?:\sare|\sam|['’]re|['’]m)\s(?:very\s|so\s|truly\s|deeply\s|really\s)?sorry\b[^.;“”\"\d]{0,80}[.,!]?$|"
    # "I didn't know about the rules and I'm sorry.": a defendant's apology, with what they did not know.
    r"^(?:i|we)\s[^.;“”\"\d]{1,80}?,?\sand\s(?:i|we)(?:['’]m|['’]re|\sam|\sare)\s(?:so\s|very\s|truly\s|deeply\s)?"
    r"sorry[.,!]?$|"
    # "Shop workers' union leaders welcomed the move.": a welcome told by the reporter, with nothing to check.
    r"^[A-Z][^.;,“”\"\d]{0,60}\swelcomed\sthe\s(?:move|decision|news|announcement|plan|change|ruling|step)\.?$|"
    # "Without us, half of them would shut.": what would happen were things otherwise (never with "within" a time).
    r"^without\s(?:us|this|that|it|them|him|her|you)\b,?\s[^.;\d]{1,100}?\bwould\b(?![^.;]{0,60}\bwithin\b)"
    r"[^.;“”\"\d]{0,80}|"
    # "The evidence says otherwise.": a rebuttal that points at evidence told elsewhere, with none of its own.
    r"^(?:but\s)?(?:the|our)\s(?:evidence|facts|figures|data|numbers|results)\s(?:says?|shows?|tells?|suggests?|"
    r"proves?)\s(?:otherwise|(?:a\s)?different(?:\sstory)?|the\sopposite)\.?$|"
    # "the figures were alarming": a verdict on figures told elsewhere, with none of its own.
    r"^(?:the|these|those|its|their)\s(?:latest\s|new\s)?(?:figures|findings|results|numbers|statistics|data)\s"
    r"(?:were|are|was|is)\s(?:deeply\s|very\s|truly\s|hugely\s)?(?:alarming|worrying|shocking|concerning|"
    r"disturbing|encouraging|disappointing|troubling|sobering)\b|"
    # 'the council had "no choice"', 'firms had "made real progress"', 'they had fallen in love with it': a defence.
    r"^(?:[\w’'-]+\s){1,4}(?:had|has|have)\s(?:[“\"](?:no\s(?:choice|alternative|option)|made\s(?:real\s|good\s|"
    r"significant\s|huge\s)?progress)[”\"](?:\sbut\sto\s[a-z]+)?|fallen\sin\slove\swith\b[^.;\d]{0,40})|"
    # "We fell in love with it the moment we walked up the steps": the same feeling, told as it happened.
    r"^(?:we|i|they|he|she)\s(?:fell|both\sfell)\sin\slove\swith\b[^.;“”\"\d]{0,80}[.,!]?$|"
    # "We are not against houses.", "I am in favour of the plan": a side taken, with nothing to check.
    r"^[“\"]?(?:we|i)\s(?:are|am|were|was)\s(?:not\s)?(?:against|opposed\sto|in\sfavour\sof)\s[^.;\d]{1,80}|"
    # "was “pleased that common sense has prevailed”": relief that a side was taken, no more.
    r"^(?:[\w’'-]+\s){1,3}(?:was|were|is|are)\s[“\"]?(?:pleased|glad|relieved|delighted)\sthat\scommon\ssense\s"
    r"(?:has|had)\sprevailed|"
    # 'residents deserved "a full and honest explanation"': what is owed to someone, a demand with nothing to check.
    r"^(?:[\w’'-]+\s){1,3}(?:deserved|deserves|deserve)\s[^.;\d]{0,80}|"
    # "the company understood the frustration", "the family would never recover": sympathy, and an endless grief.
    r"^(?:[\w’'-]+\s){1,3}(?:understood|understands|understand|shares|shared|share)\s(?:the\s|their\s|its\s|"
    r"[\w’'-]+['’]\s|[\w’'-]+['’]s\s)?(?:frustrations?|anger|concerns?|disappointment|upset|distress)\.?$|"
    r"^(?:[\w’'-]+\s){1,3}(?:would|will|could|can)\snever\s(?:fully\s)?(?:recover|get\sover|be\sthe\ssame|"
    r"forget|forgive)(?:\s[^.;“”\"\d]{0,40})?|"
    # "the fine would not bring her son back": the same grief, said of what was done.
    r"^(?:[\w’'-]+\s){1,3}(?:would|will|could|can)\s(?:not|never)\sbring\s(?:him|her|them|my|his|our|their)\s"
    r"(?:[a-z]+\s)?back\b|"
    # "The department said it was “monitoring the situation closely”": watching, which asserts nothing.
    r"^(?:it|we|they|he|she)\s(?:is|was|are|were)\s[“\"]?(?:closely\s)?monitoring\sthe\s(?:situation|position)"
    r"(?:\sclosely)?[”\"]?\.?$|"
    # "Those responsible will be held to account": a promise of justice names no one and nothing done.
    r"^(?:those|anyone|whoever|the\speople)\s(?:responsible|found\sresponsible|to\sblame)\s(?:will|would|must)\sbe\s"
    r"held\s(?:to\saccount|responsible)\b|"
    # "it offered its condolences to Mr Gatenby's family": sympathy, however it is sent.
    r"^(?:it|we|they|he|she|the\s[a-z]+)\s(?:offered|offers|sent|sends|extended|extends|expressed)\s(?:its|our|their|his|"
    r"her)\s(?:deepest\s|sincere\s|heartfelt\s|sincerest\s)?(?:condolences|sympathies|sympathy)\b[^.;“”\"\d]{0,80}|"
    # "I've dreamed about this belt since I was 11", "This is for everyone in the gym": a dream, a dedication.
    r"^(?:i|we)(?:['’]ve|\shave)\s(?:always\s)?(?:dreamed|dreamt|wanted\sthis|longed\sfor)\b[^.;“”\"\d]{0,80}"
    r"(?:\ssince\s(?:i|we)\s(?:was|were)\s\d{1,2}(?:\syears\sold)?)?[.,!]?$|"
    # "I've been throwing darts in my dad's garage since I was eight": a childhood, not a claim.
    r"^(?:i|we)(?:['’]ve|\shave)\sbeen\s[a-z]+ing\b[^.;“”\"\d]{0,60}\ssince\s(?:i|we)\s(?:was|were)\s(?:\d{1,2}|[a-z]+)"
    r"(?:\syears\sold)?[.,!]?$|"
    r"^this\s(?:one\s)?is\sfor\s(?:everyone|everybody|all|my|our|the\s(?:fans|people|town|club|gym))\b[^.;“”\"\d]{0,80}[.,!]?$|"
    # "We'd like to hear from anyone with dashcam footage": an appeal, as the reporter's "Anyone with information".
    r"^(?:we|i)(?:['’]d|\swould)\slike\sto\shear\sfrom\s(?:anyone|anybody|everyone|people)\b|"
    r"^(?:we\sare|we['’]re|i\sam|i['’]m)\s(?:now\s|urgently\s)?appealing\s(?:for|to)\s(?:anyone|witnesses)\b|"
    # "We understand how much the baths mean to people, but …": sympathy, and the reason given against it.
    r"^(?:we|i)\s(?:fully\s)?(?:understand|know|appreciate|recognise|recognize)\show\s(?:much|important|upsetting|"
    r"difficult|hard|worrying)\b[^;“”\"\d]{0,160}$|"
    # "I did, my children did, …": a memory; "A pool … is no use to a nine-year-old": a retort; "It looks better …".
    r"^(?:i|we)\sdid,\s(?:and\s)?(?:my|our)\s[^.;“”\"\d]{1,80}|^[^.;“”\"\d]{1,80}?\s(?:is|was|would\sbe|will\sbe)\s"
    r"(?:of\s)?no\s(?:use|help|good)\sto\s(?:a|an|anyone|anybody|people|families|children)\b[^.;“”\"\d]{0,80}|"
    r"^(?:now\s)?(?:it|this|the\s[a-z]+)\s(?:looks|looked|feels|felt)\s(?:so\s)?(?:much\s)?(?:better|nicer|brighter|"
    r"grander|lovelier|worse)\sthan\b[^;“”\"\d]{0,80}$|"
    # 'the news was "heartbreaking"': how it felt; "Whoever did this knew exactly what …": a guess at a culprit.
    r"^(?:[\w’'-]+\s){1,4}(?:was|were|is|are|had\sbeen)\s[“\"]?(?:absolutely\s|utterly\s|just\s)?(?:heartbreaking|"
    r"devastating|tragic|awful|terrible|dreadful|wonderful|brilliant|fantastic|disgraceful|appalling|shameful|"
    r"gutting)[”\"]?\.?$|^whoever\s(?:did|took|stole|dumped|started|is\sresponsible\sfor)\s(?:this|it|them)\b[^.;\d]{0,80}|"
    r"^(?:he|she|they|we|you)\sdid\severything\sright\b[^.;“”\"\d]{0,40}|"  # "He did everything right.": praise
    # "Tyler has worked so hard to get back and he showed tonight …": praise for effort, however it goes on.
    r"^(?:[\w’'-]+\s){1,3}(?:has\s|have\s|had\s)?worked\s(?:so|really|incredibly|extremely|very)\shard\b[^;“”\"\d]{0,100}$|"
    # "No receipt is needed.": what a customer need not bring, told as a rule of the refund.
    r"^no\s(?:receipt|appointment|booking|proof\sof\spurchase|referral)\s(?:is|will\sbe)\s(?:needed|required|necessary)\.?$|"
    # "It is never too late to catch up", "That almost certainly made the difference": encouragement, a verdict.
    r"^it(?:\sis|’s|'s)\snever\stoo\slate\b|^(?:that|this|it)\s(?:(?:almost|[a-z]+ly)\s){0,2}(?:made|makes|will\smake|would\s"
    r"have\smade)\s(?:all\s)?the\sdifference\b",
    re.I,
)
