package io.partnerpulse.demo;

/** Word lists the generator builds names from. */
final class DemoWords {

    static final String[] UNITS = {"Enterprise", "Commercial", "Public Sector", "International", "Small Business"};
    static final String[] FUNCTIONS = {"Channel Sales", "Partner Success", "Field Sales", "Inside Sales", "Alliances", "Solutions"};
    static final String[] FIRST_NAMES = {"Aisha", "Ali", "Amelia", "Ana", "Arjun", "Ayesha", "Bilal", "Carlos", "Chen", "Chloe",
            "Daniel", "David", "Elena", "Emma", "Fatima", "Felix", "Grace", "Hamza", "Hannah", "Hiroshi", "Imran", "Isabel",
            "James", "Julia", "Kenji", "Laura", "Leila", "Lucas", "Maria", "Mateo", "Mei", "Mohammed", "Nadia", "Noah",
            "Olivia", "Omar", "Priya", "Rafael", "Sara", "Sofia", "Thabo", "Tom", "Usman", "Zainab", "Zara", "Liam"};
    static final String[] LAST_NAMES = {"Ahmed", "Almeida", "Andersen", "Baker", "Bauer", "Chaudhry", "Chen", "Costa", "Dubois",
            "Evans", "Fischer", "Garcia", "Gupta", "Hassan", "Ito", "Jansen", "Khan", "Kim", "Kowalski", "Lopez", "Malik",
            "Martin", "Mbeki", "Meyer", "Moreau", "Nakamura", "Nguyen", "Novak", "Okafor", "Patel", "Qureshi", "Rossi",
            "Santos", "Schmidt", "Silva", "Singh", "Smith", "Tanaka", "Taylor", "Walker", "Wang", "Williams", "Yilmaz"};
    static final String[] PARTNER_PREFIXES = {"Apex", "Beacon", "Blue Harbor", "Bright", "Cedar", "Cobalt", "Crest", "Delta",
            "Ember", "Evergreen", "Falcon", "Granite", "Harbor", "Helix", "Horizon", "Ironwood", "Juniper", "Keystone",
            "Lumen", "Meridian", "Nimbus", "Northstar", "Oakridge", "Orbit", "Pinnacle", "Quantum", "Redwood", "Sable",
            "Sierra", "Summit", "Tidewater", "Trident", "Unity", "Vertex", "Vista", "Westbridge", "Zenith", "Atlas",
            "Crescent", "Indus"};
    static final String[] PARTNER_SUFFIXES = {"Systems", "Solutions", "Networks", "Technologies", "Partners", "Consulting",
            "Integrations", "Digital", "Group", "IT Services", "Data", "Cloud", "Labs", "Distribution", "Advisory"};
    static final String[] ACCOUNT_WORDS = {"Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Wonka", "Tyrell",
            "Cyberdyne", "Soylent", "Hooli", "Vandelay", "Massive", "Nakatomi", "Oscorp", "Gringotts", "Monarch", "Aperture",
            "Pied Piper", "Dunder", "Sterling", "Prestige", "Blackwood", "Silverline", "Goldleaf", "Riverside", "Hillcrest",
            "Lakeside", "Sunrise", "Moonlight", "Starlight", "Greenfield", "Stonegate", "Kingsway", "Fairview", "Highland"};
    static final String[] ACCOUNT_KINDS = {"Foods", "Logistics", "Health", "Retail", "Energy", "Bank", "Insurance", "Motors",
            "Pharma", "Telecom", "Hotels", "Media", "Textiles", "Foundry", "Agro", "Airlines"};
    static final String[] SECTORS = {"Retail", "Finance", "Healthcare", "Manufacturing", "Energy", "Technology",
            "Telecommunications", "Hospitality", "Logistics", "Public Sector", "Education", "Agriculture"};
    static final String[] PAID = {"Search Ads", "Social Ads", "Display Ads", "Trade Shows", "Sponsored Content",
            "Retargeting", "Podcast Ads", "Print", "Radio", "Affiliate Network", "Comparison Sites", "Paid Partner Listing"};
    static final String[] EARNED = {"Partner Referral", "Customer Referral", "Organic Search", "Press and Analysts",
            "Review Sites", "Community", "Word of Mouth", "Awards"};
    static final String[] OWNED = {"Website", "Email Newsletter", "Webinars", "Blog", "Own Events", "Mobile App",
            "Customer Portal", "Podcast", "Whitepapers", "Product Trials"};
    static final String[] DISQUALIFY_REASONS = {"No budget", "Not a fit", "Unresponsive", "Duplicate", "Student or researcher"};
    static final String[] LOST_REASONS = {"Price", "No decision", "Timing", "Product fit", "Lost to competitor"};
    static final String[] COMPETITORS = {"Salesforce", "HubSpot", "Zoho", "Pipedrive", "Odoo", "In-house build"};

    private DemoWords() {
    }
}
