namespace Summit.Engine.Extraction;

/// <summary>Closed word lists the rules share: reporting verbs, titles, organisation cues, pronouns.</summary>
internal static class Lexicon
{
    private static HashSet<string> Set(string words) =>
        new(words.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    private static HashSet<string> SetIgnoreCase(string words) =>
        new(words.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase);

    private const string VerbStems =
        "say tell add note explain state declare announce insist argue claim warn write tweet post continue ask " +
        "answer reply respond remark acknowledge admit predict suggest stress emphasize emphasise recall conclude " +
        "complain confirm deny report describe call urge vow pledge promise maintain contend assert observe mention " +
        "comment quip joke boast lament concede caution charge allege testify proclaim counter retort shout yell " +
        "exclaim muse wonder agree recount dismiss criticize criticise accuse blast slam praise hail reveal indicate " +
        "signal estimate forecast instruct order demand plead recommend advise calculate reckon believe think " +
        "reiterate rule underline underscore highlight point brief inform assure propose question threaten " +
        "scoff chide tout welcome label dub condemn denounce blame defend applaud rate remember chant scold react " +
        "intimate exhort beam riff press interject demur gripe fume brag gush marvel email text snap snipe reason " +
        "surmise speculate theorize theorise opine chime grouse echo";

    private static readonly HashSet<string> NounLike = Set(
        "claim report call note comment answer question state post counter charge order demand point signal label " +
        "estimate forecast promise pledge reply remark joke quip whisper shout cry boast lament caution tweet " +
        "welcome highlight brief dub read vow plead muse press text echo email reason beam intimate riff snap retort");

    /// <summary>
    /// Present tense of the verbs that are also nouns ("notes", "claims"): only a reporting verb right after a
    /// quote and its speaker ("…," Conway notes.), where no noun reading fits.
    /// </summary>
    public static readonly HashSet<string> NounLikePresent = new(NounLike.Select(ThirdPerson), StringComparer.Ordinal);

    private static string ThirdPerson(string v) =>
        v.EndsWith('s') || v.EndsWith('h') || v.EndsWith('o') ? v + "es" : v.EndsWith('y') && !v.EndsWith("ay") ? v[..^1] + "ies" : v + "s";

    private static readonly string[] Irregular =
        ["said", "says", "saying", "told", "tells", "telling", "wrote", "written", "writes", "writing", "thought",
         "spoke", "spoken", "read", "quoted", "quipped", "retorted", "admitted", "dubbed", "vowed", "tweeted",
         "posted", "slammed", "referred", "found", "laud", "lauded", "lauds", "branded", "termed", "reads", "attacked", "touted", "reports"];

    /// <summary>Inflected reporting verbs (lowercase).</summary>
    public static readonly HashSet<string> ReportingVerbs = BuildVerbs();

    private static HashSet<string> BuildVerbs()
    {
        var set = new HashSet<string>(Irregular, StringComparer.Ordinal);
        foreach (var v in VerbStems.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            // Bare and -s forms of verbs that are also nouns ("claims", "reports", "calls") mislead more than help.
            var nounLike = NounLike.Contains(v);
            if (!nounLike) set.Add(v);
            if (!nounLike) set.Add(ThirdPerson(v));
            var stem = v.EndsWith('e') ? v[..^1] : v;
            set.Add(v.EndsWith('y') && !v.EndsWith("ay") ? v[..^1] + "ied" : stem + "ed");
            set.Add(stem + "ing");
        }
        return set;
    }

    /// <summary>Verbs whose object, not subject, follows: "X called it "…"", "X described Y as "…"".</summary>
    public static readonly HashSet<string> FramingVerbs = Set("called calls calling described describes describing labelled labeled dubbed branded termed");

    /// <summary>Irregular past tenses: like a past in -ed, one ends the subject before it ("The businessman began by …").</summary>
    public static readonly HashSet<string> IrregularPast = Set(
        "began went came took made gave got held led ran won lost left kept sought brought spent met saw felt found sat stood " +
        "put sent wrote spoke fought threw drew grew knew broke chose rose fell");

    /// <summary>Words between a subject and its verb that do not change who speaks.</summary>
    public static readonly HashSet<string> Auxiliaries = SetIgnoreCase(
        "has have had was were is are be been do does did will would could should may might can also later earlier then again " +
        "repeatedly previously recently reportedly quickly once often not n't never already publicly privately " +
        "initially further just even still simply flatly angrily bluntly firmly openly subsequently separately " +
        "frequently famously added");

    public static readonly HashSet<string> Titles = Set(
        "President Prime Minister Secretary Chancellor Foreign Defence Defense Finance Interior Deputy Vice " +
        "Senator Sen Rep Representative Gov Governor Mayor Judge Justice General Gen Lt Col Colonel Major Maj " +
        "Captain Capt Admiral Adm Sgt Sergeant King Queen Prince Princess Pope Cardinal Bishop Archbishop Rev " +
        "Reverend Dr Mr Mrs Ms Miss Mme Sir Lord Lady Dame Professor Prof Chairman Chairwoman Chief Executive Director " +
        "Ambassador Speaker Leader Premier State Attorney Commissioner Spokesman Spokeswoman Coach Manager " +
        "Former Sheikh Emir Crown Supreme Ayatollah Grand Chief Officer Inspector Detective Constable Agent " +
        "Congressman Congresswoman Councillor Councilman Councilwoman Sec Trade Economy Economic Health Justice " +
        "Labor Labour Education Energy Transport Transportation Agriculture Commerce Treasury Homeland Security " +
        "Democratic Republican Democrat GOP Presidential Candidate Nominee House Senate Minority Majority Whip " +
        "Elect Acting Interim Assistant Associate Under Parliamentary Opposition Party Commander Field Marshal " +
        "Lieutenant Brigadier Private Corporal Dean Chair Publisher Editor Founder CEO CFO Host Anchor MP Sen. " +
        "Gov. Rep. Dr. Mr. Mrs. Ms. Lt. Col. Gen. Capt. Prof. St. Mrs Messrs Exchequer");

    /// <summary>
    /// Title words that name a chamber, department, party or rank qualifier rather than a person: "House Banking
    /// committee", "Economic Cooperation" read as title + name otherwise. A single word after only these is no person.
    /// </summary>
    public static readonly HashSet<string> BodyTitles = Set(
        "Foreign Defence Defense Finance Interior Trade Economy Economic Health Justice Labor Labour Education Energy " +
        "Transport Transportation Agriculture Commerce Treasury Homeland Security Democratic Republican Democrat GOP " +
        "House Senate State Party Opposition Parliamentary Minority Majority Supreme Crown Grand Field Presidential " +
        "Elect Acting Interim Former Assistant Associate Under Vice Chief Private Executive Officer Candidate Nominee");

    /// <summary>
    /// A company's legal form or a word only a firm's name ends with ("Drexel Burnham Lambert Inc", "Smith Barney,
    /// Harris Upham and Co", "Salomon Brothers"): the capitalised words before it name a company, not a person.
    /// </summary>
    public static readonly HashSet<string> LegalForms = Set(
        "Inc Corp Co Plc PLC plc Ltd AG SA NV GmbH SpA Bhd Pty LLC Corporation Incorporated Limited");

    public static readonly HashSet<string> FirmEndings = Set(
        "Brothers Bros Group Securities Bank Partners Associates Holdings Industrie Industries Bancorp Investments");

    /// <summary>Lowercase role nouns that announce a name: "striker Alan Shearer", "spokesman John Kirby".</summary>
    public static readonly HashSet<string> RoleNouns = Set(
        "leader president minister secretary spokesman spokeswoman spokesperson official chairman chairwoman chief " +
        "executive director ambassador senator governor mayor judge general colonel captain coach manager striker " +
        "midfielder defender goalkeeper forward player champion seed rider driver batsman bowler analyst economist " +
        "lawyer attorney prosecutor professor researcher scientist doctor author writer actor actress singer " +
        "candidate nominee rival challenger opponent counterpart envoy negotiator commander premier chancellor " +
        "king queen prince princess pope bishop archbishop rabbi imam cleric priest father mother son daughter wife " +
        "husband brother sister uncle aunt cousin friend colleague aide adviser advisor founder owner partner " +
        "teammate compatriot winner holder veteran star rookie newcomer substitute international skipper trainer " +
        "boss deputy representative congressman congresswoman lawmaker legislator activist dissident journalist " +
        "reporter editor columnist commentator host anchor businessman businesswoman billionaire tycoon investor " +
        "banker trader strategist chairperson vice-president director-general secretary-general " +
        "opener all-rounder spinner keeper centre-back winger fullback quarterback pitcher jockey trainer " +
        "cyclist sprinter swimmer runner skier boxer wrestler golfer novelist poet artist designer photographer historian " +
        "farmer nurse teacher student resident witness survivor worker engineer architect economist physician surgeon " +
        "filmmaker director producer musician composer comedian chef entrepreneur philanthropist diplomat activist");

    /// <summary>Capitalised words that mark an organisation, event or facility rather than a person or place.</summary>
    public static readonly HashSet<string> OrgWords = Set(
        "Inc Corp Corporation Co Ltd Plc PLC LLC AG SA NV BV GmbH Group Holdings Holding Bank Party Ministry Council " +
        "Committee Commission Association Union Club United City Rovers Wanderers Athletic Athletico Albion County " +
        "Court Department House Agency Office Service Services Police Army Navy Forces Force Times Post News " +
        "Journal Company Airlines Airways Exchange Federation Organisation Organization Institute League Senate " +
        "Congress Parliament Government Assembly Board Fund Foundation University College School Hospital Center " +
        "Centre Church Network Television Radio Press Motors Industries Bancorp Trust Securities Capital Energy " +
        "Oil Petroleum Telecom Systems Technologies Airport Stadium Street Avenue Road Square Bridge Cup Open " +
        "Championship Championships Games Olympics Prix Festival Award Awards Prize Museum Media Authority " +
        "Tribunal Cabinet Kremlin Pentagon Treasury Fed Nations Bureau Administration Democrats Republicans " +
        "Communist Communists Socialist Socialists Liberal Liberals Conservatives Guard Brigade Corps Division " +
        "Regiment Command Daily Herald Tribune Gazette Telegraph Guardian Review Magazine Monitor Chronicle " +
        "Institution Society Caucus Healthcare Health Clinic Room Alliance Coalition Movement Front Council Project Program Programme Initiative " +
        "Index Report Market Markets Partners Capital Investments Investment Financial Insurance Airlines Pharma " +
        "Pharmaceuticals Labs Laboratories Electric Electronics Communications Foods Steel Mining Resources " +
        "Chemicals Chemical Motor Air Rail Railway Railways Broadcasting Studios Pictures Records Entertainment " +
        "Team Racing Tour Series Conference Summit Convention Treaty Accord Act Bill Law Plan Agreement Protocol " +
        "Court Prison Jail Embassy Consulate Station Port Harbour Harbor Base Mosque Temple Cathedral Palace " +
        "Hall Tower Towers Building Centre Mall Hotel Restaurant Cafe Bar Park Zoo Garden Gardens Library " +
        "Lake River Mountains Mountain Island Islands Valley Desert Forest Sea Ocean Bay Gulf Strait Canal Peninsula " +
        "Province Region District State States Republic Kingdom Empire Federal National International Royal " +
        "Central Democratic Republican Socialist Islamic Christian Catholic Orthodox Jewish Muslim Arab Sunni Shia " +
        "Shiite Kurdish Taliban Hamas Hezbollah Reuters AFP Xinhua Interfax Tass TASS Bloomberg CNN BBC NBC CBS ABC " +
        "Fox Twitter Facebook Google Apple Microsoft Amazon YouTube Instagram WhatsApp Telegram Internet Web Online " +
        // Words of firms' names in Europe: "Societe Generale", "Banque Paribas", "Airbus Industrie", "Salomon Brothers".
        "Societe Banque Banco Banca Compagnie Industrie Brothers Associates");

    public static readonly HashSet<string> Calendar = Set(
        "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July " +
        "August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Christmas " +
        "Easter Ramadan Eid Thanksgiving Halloween Hanukkah");

    /// <summary>Capitalised function and common words: at a sentence start they are not names.</summary>
    public static readonly HashSet<string> CapitalisedCommon = SetIgnoreCase(
        "the a an and but or nor so yet for in on at to of by with from into onto over under after before during " +
        "since until while when where why how what who whom whose which that this these those there here it its " +
        "he she they we i you him her them us me my our your their his if as than though although because " +
        "however meanwhile also moreover furthermore instead still even just only not no yes all some many most " +
        "more much few several any each every both either neither other another such one two three four five " +
        "first second third last next new old according asked despite about above across against along among " +
        "around behind below beneath beside between beyond down inside outside through throughout toward towards " +
        "upon within without now then today tomorrow yesterday tonight later earlier once again already never " +
        "always sometimes perhaps maybe indeed thus therefore hence otherwise nevertheless nonetheless " +
        "mr mrs ms dr sir madam god lord well oh please thank thanks like unlike including excluding given " +
        "following amid amidst via per said says say told tells officials police sources source ok okay read " +
        "watch see note update updated related photo video breaking exclusive editor editors opinion analysis " +
        "live latest top local government people world news sport sports business entertainment tech technology " +
        "politics health science home page just let do does did don't doesn't didn't can can't could would should " +
        "will won't may might must shall is are was were be been being have has had having get got go going went " +
        "make made take took come came know knew think thought want wanted need needed look looked use used " +
        "find found give gave show showed try tried call called keep kept let put set seem seemed leave left " +
        "ask feel felt become became turn turned start started run ran move moved live lived believe believed " +
        "bring brought happen happened write wrote sit stand lose lost pay paid meet met include included " +
        "continue continued learn learned change changed lead led understand understood speak spoke " +
        "whether unless yet nor ago away back even ever far here how just less least much near off out " +
        "rather so soon too very well western eastern northern southern north south east west");

    public static readonly HashSet<string> Pronouns = SetIgnoreCase("he she they we i it you");

    /// <summary>"he", also inside a contraction: "I’ve" → "i", "she's" → "she"; null if not a pronoun.</summary>
    public static string? PronounOf(string word)
    {
        var cut = word.IndexOfAny(['\'', '\u2019']);
        var head = cut > 0 ? word[..cut] : word;
        return Pronouns.Contains(head) ? head.ToLowerInvariant() : null;
    }

    public static readonly HashSet<string> Determiners = SetIgnoreCase("the a an this that these those his her their its our my your");

    /// <summary>Name particles that may sit lowercase inside a name ("Charles de Gaulle", "Osama bin Laden").</summary>
    public static readonly HashSet<string> NameParticles = Set("de da di del della der den van von la le du dos das bin ibn al el ter ten y");

    public static bool IsCapitalised(string s) => s.Length > 0 && char.IsUpper(s[0]);

    public static bool IsAllCaps(string s)
    {
        var letters = 0;
        foreach (var c in s)
        {
            if (char.IsLower(c)) return false;
            if (char.IsLetter(c)) letters++;
        }
        return letters > 0;
    }

    /// <summary>Words that end the name of a local feature: "Indian Lake", "Spanish Oaks", "French Creek Road".</summary>
    public static readonly HashSet<string> PlaceFeatures = Set(
        "Lake Lakes River Creek Road Street Avenue Drive Lane Trail Hill Hills Valley Springs Oaks Woods Park Point " +
        "Village Harbor Harbour Bend Ridge Island Mound Mounds Estates Apartments Mountain Falls Prairie Meadows");

    /// <summary>Titles that stand only before a person's name: "President Obama", "Mr. Jordan".</summary>
    public static readonly HashSet<string> PersonTitles = Set(
        "President Mr Mrs Ms Miss Dr Sen Senator Rep Gov Governor Mayor Judge Secretary Minister Chancellor King Queen " +
        "Prince Princess Pope Sheriff Coach Officer Sgt Lt Col Capt Detective Deputy Rev Prof Sir Lady Lord");
}
