"""The seed article's sentences with two English versions, for alignment tests.

HUMAN is a free human translation (reworded, reordered, names spelled the English way);
MACHINE is a literal translation, standing in for the MT bridge. `edited_translation()` gives
the human translation as a translator really delivered it: two pairs of sentences merged,
two sentences split, one left out, one note added, with the gold beads that result.
"""

from __future__ import annotations

SOURCE = [
    "date 2020-07 Bakou, 27 juin, AZERTAC",
    "Depuis le début de la pandémie de Covid-19, des initiatives nécessaires sont présentées et des mesures pratiques sont prises par la République d'Azerbaïdjan, sous la présidence du président Ilham Aliyev, afin de renforcer la solidarité internationale dans la lutte au niveau régional et global contre le coronavirus.",
    "C'est ce qu'a déclaré Hikmet Hadjiyev, assistant du président de la République d'Azerbaïdjan et chef du département de la politique étrangère de l'Administration présidentielle, lors d'une interview à l'AZERTAC.",
    "Selon lui, en plus de poser de graves problèmes de santé qui mettent en danger la vie des gens, la pandémie a créé des menaces socio-économiques et humanitaires globales dont les conséquences négatives se feront sentir encore longtemps.",
    "Dans le contexte de la pandémie de Covid-19, qui est comparable à la Seconde Guerre mondiale, il existe un grand besoin de solidarité mondiale et de vision globale au lieu des mesures de confinement et fragmentaires.",
    "A cette fin, un sommet du Conseil de coopération des état turcophones a eu lieu en avril dernier à l'initiative du président Ilham Aliyev, qui dirige le Conseil.",
    "Le Conseil turcique était la première organisation internationale ayant tenu un sommet consacré à la lutte contre le Covid-19.",
    "À l'initiative de M. Ilham Aliyev, président de la République d'Azerbaïdjan, qui préside également le Mouvement des non-alignés (MNA), un sommet consacré à la lutte contre la pandémie de coronavirus du Groupe de contact du MNA s'est tenu par visioconférence le 4 mai dernier.",
    "L'assistant du président a souligné que la République d'Azerbaïdjan avait fait un don à l'Organisation mondiale de la santé (OMS) et alloué des aides humanitaires à plus de 30 pays.",
    "Lors de son discours au sommet du Mouvement des non-alignés, le president de la République a proposé de tenir par visioconférence une session extraordinaire des chefs d'Etat et de gouvernement de l'Assemblée générale de l'ONU afin de lutter contre la pandémie.",
    "Cette initiative a été convenue unanimement par 120 pays membres du Mouvement des non-alignés à New York.",
    "Après cela, le président du Mouvement des pays non alignés, Ilham Aliyev, a adressé, au nom des pays du Mouvement des non-alignés, un appel au secrétaire général Antonio Guterres pour tenir par visioconférence une session extraordinaire de l'Assemblée générale des Nations Unies au niveau des chefs d'État et de gouvernement.",
    "Le secrétaire général de l'ONU s'est adressé, à son tour, à tous les pays membres pour qu'ils s'expriment, avant le 27 juin, sur cette initiative du président Ilham Aliyev.",
    "Selon les règles, une session extraordinaire devrait être convoquée si la majorité des États membres de l'ONU (97 pays suffisent) soutiennent l'initiative.",
    "Selon les données officielles de la partie azerbaïdjanaise, jusqu'à présent environ 130 pays ont informé le Bureau du Secrétaire général qu'ils soutenaient l'initiative.",
    "La partie azerbaïdjnaise espère que la session extraordinaire aura lieu aussitot que possible, a dit l'assistant du président de la République, ajoutant que l'organisation de la session était déjà devenue une question commune de tous les états membres de l'ONU.",
    "L'Azerbaïdjan est prêt à coopérer avec tous les pays membres pour déterminer le format et les modalités d'organisation de la session extraordinaire de l'Assemblée générale des Nations Unies sur la lutte contre la pandémie au niveau des chefs d'État et de gouvernement par visioconférence, et pour obtenir des résultats nécessaires à la fin de cette session.",
    "«Nous sommes convaincus que la session extraordinaire contribuera à mobiliser la communauté internationale dans la lutte contre le Covid-19 et à trouver une réponse globale à cette menace globale», a estimé H.Hadjiyev.",
]

MACHINE = [
    "date 2020-07 Baku, June 27, AZERTAC",
    "Since the beginning of the Covid-19 pandemic, necessary initiatives are presented and practical measures are taken by the Republic of Azerbaijan, under the presidency of President Ilham Aliyev, in order to strengthen international solidarity in the fight at the regional and global level against the coronavirus.",
    "This was declared by Hikmet Hadjiyev, assistant of the President of the Republic of Azerbaijan and head of the department of foreign policy of the Presidential Administration, during an interview with AZERTAC.",
    "According to him, in addition to posing serious health problems that endanger the lives of people, the pandemic has created global socio-economic and humanitarian threats whose negative consequences will be felt for a long time.",
    "In the context of the Covid-19 pandemic, which is comparable to the Second World War, there is a great need for world solidarity and global vision instead of containment and fragmentary measures.",
    "To this end, a summit of the Cooperation Council of Turkish-speaking states took place last April at the initiative of President Ilham Aliyev, who leads the Council.",
    "The Turkic Council was the first international organization having held a summit devoted to the fight against Covid-19.",
    "At the initiative of Mr. Ilham Aliyev, President of the Republic of Azerbaijan, who also chairs the Non-Aligned Movement (NAM), a summit devoted to the fight against the coronavirus pandemic of the NAM Contact Group was held by videoconference on May 4 last.",
    "The assistant of the president underlined that the Republic of Azerbaijan had made a donation to the World Health Organization (WHO) and allocated humanitarian aid to more than 30 countries.",
    "During his speech at the summit of the Non-Aligned Movement, the President of the Republic proposed to hold by videoconference an extraordinary session of the heads of State and government of the UN General Assembly in order to fight against the pandemic.",
    "This initiative was agreed unanimously by 120 member countries of the Non-Aligned Movement in New York.",
    "After that, the president of the Non-Aligned Movement, Ilham Aliyev, addressed, on behalf of the countries of the Non-Aligned Movement, an appeal to Secretary General Antonio Guterres to hold by videoconference an extraordinary session of the United Nations General Assembly at the level of heads of State and government.",
    "The UN Secretary-General addressed, in turn, all member countries so that they express themselves, before June 27, on this initiative of President Ilham Aliyev.",
    "According to the rules, an extraordinary session should be convened if the majority of UN member states (97 countries suffice) support the initiative.",
    "According to official data from the Azerbaijani side, so far about 130 countries have informed the Office of the Secretary General that they supported the initiative.",
    "The Azerbaijani side hopes that the extraordinary session will take place as soon as possible, said the assistant of the President of the Republic, adding that the organization of the session had already become a common question of all UN member states.",
    "Azerbaijan is ready to cooperate with all member countries to determine the format and modalities of organization of the extraordinary session of the United Nations General Assembly on the fight against the pandemic at the level of heads of State and government by videoconference, and to obtain necessary results at the end of this session.",
    "“We are convinced that the extraordinary session will contribute to mobilizing the international community in the fight against Covid-19 and to finding a global response to this global threat,” estimated H.Hadjiyev.",
]

HUMAN = [
    "date 2020-07 Baku, 27 June, AZERTAC",
    "Since the start of the Covid-19 pandemic, the Republic of Azerbaijan, under the leadership of President Ilham Aliyev, has put forward the necessary initiatives and taken practical steps to strengthen international solidarity in the regional and global fight against the coronavirus.",
    "This was stated by Hikmet Hajiyev, Assistant to the President of the Republic of Azerbaijan and Head of the Foreign Policy Affairs Department of the Presidential Administration, in an interview with AZERTAC.",
    "In his words, besides causing serious health problems that endanger people's lives, the pandemic has created global socio-economic and humanitarian threats whose negative consequences will be felt for a long time to come.",
    "In the context of the Covid-19 pandemic, which is comparable to the Second World War, there is a great need for global solidarity and a global vision instead of isolationist and fragmented measures.",
    "To this end, a summit of the Cooperation Council of Turkic-Speaking States was held last April on the initiative of President Ilham Aliyev, who chairs the Council.",
    "The Turkic Council was the first international organization to hold a summit dedicated to the fight against Covid-19.",
    "On the initiative of Mr. Ilham Aliyev, President of the Republic of Azerbaijan, who also chairs the Non-Aligned Movement (NAM), an online summit of the NAM Contact Group dedicated to the fight against the coronavirus pandemic was held on May 4.",
    "The presidential assistant stressed that the Republic of Azerbaijan had made a donation to the World Health Organization (WHO) and provided humanitarian aid to more than 30 countries.",
    "In his speech at the summit of the Non-Aligned Movement, the President proposed holding a special session of the UN General Assembly at the level of heads of state and government by videoconference to fight the pandemic.",
    "This initiative was unanimously endorsed by 120 member countries of the Non-Aligned Movement in New York.",
    "After that, Ilham Aliyev, as Chairman of the Non-Aligned Movement, addressed an appeal on behalf of the Movement's member states to Secretary-General Antonio Guterres to convene a special session of the UN General Assembly at the level of heads of state and government via videoconference.",
    "The UN Secretary-General in turn asked all member states to express their views on President Ilham Aliyev's initiative before June 27.",
    "Under the rules, a special session should be convened if a majority of UN member states (97 countries are enough) support the initiative.",
    "According to official data from the Azerbaijani side, about 130 countries have so far informed the Office of the Secretary-General that they support the initiative.",
    "The Azerbaijani side hopes that the special session will take place as soon as possible, the presidential assistant said, adding that organizing the session had already become a common matter for all UN member states.",
    "Azerbaijan is ready to cooperate with all member countries to determine the format and modalities of the special session of the UN General Assembly on combating the pandemic at the level of heads of state and government via videoconference, and to achieve the necessary results at the end of the session.",
    "“We are convinced that the special session will help mobilize the international community in the fight against Covid-19 and find a global response to this global threat,” H. Hajiyev said.",
]

Bead = tuple[tuple[int, ...], tuple[int, ...]]


def edited_translation() -> tuple[list[str], list[Bead]]:
    """The human translation as delivered, and the gold beads against SOURCE."""
    targets: list[str] = []
    gold: list[Bead] = []

    def keep(*sources: int, text: str | None = None) -> None:
        gold.append((sources, (len(targets),)))
        targets.append(text if text is not None else HUMAN[sources[0]])

    keep(0)
    keep(  # 1 and 2 merged
        1,
        2,
        text=(
            "Since the start of the Covid-19 pandemic, the Republic of Azerbaijan, under the "
            "leadership of President Ilham Aliyev, has put forward the necessary initiatives and "
            "taken practical steps to strengthen international solidarity in the regional and "
            "global fight against the coronavirus, Hikmet Hajiyev, Assistant to the President of "
            "the Republic of Azerbaijan and Head of the Foreign Policy Affairs Department of the "
            "Presidential Administration, said in an interview with AZERTAC."
        ),
    )
    for index in (3, 4, 5, 6):
        keep(index)
    gold.append(((7,), (len(targets), len(targets) + 1)))  # 7 split in two
    targets += [
        "On the initiative of Mr. Ilham Aliyev, President of the Republic of Azerbaijan, who "
        "also chairs the Non-Aligned Movement (NAM), an online summit of the NAM Contact Group "
        "was held on May 4.",
        "It was dedicated to the fight against the coronavirus pandemic.",
    ]
    gold.append(((8,), ()))  # 8 left out
    keep(9)
    keep(10)
    gold.append(((), (len(targets),)))  # a note the translator added
    targets.append("Editor's note: the Movement brings together 120 countries.")
    keep(11)
    keep(12)
    keep(  # 13 and 14 merged
        13,
        14,
        text=(
            "Under the rules, a special session should be convened if a majority of UN member "
            "states (97 countries are enough) support the initiative, and according to official "
            "data from the Azerbaijani side, about 130 countries have so far informed the Office "
            "of the Secretary-General that they support it."
        ),
    )
    keep(15)
    gold.append(((16,), (len(targets), len(targets) + 1)))  # 16 split in two
    targets += [
        "Azerbaijan is ready to cooperate with all member countries to determine the format and "
        "modalities of the special session of the UN General Assembly on combating the pandemic "
        "at the level of heads of state and government via videoconference.",
        "It also wants to achieve the necessary results at the end of the session.",
    ]
    keep(17)
    return targets, gold
