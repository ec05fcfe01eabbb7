package graph

// Record types of the extraction contract (docs/extraction-contract.md).
const (
	TypeArticle = "article"
	TypeEntity  = "entity"
	TypeEvent   = "event"
	TypeClaim   = "claim"
)

// Entity kinds.
const (
	KindPerson       = "person"
	KindCountry      = "country"
	KindOrganization = "organization"
	KindPlace        = "place"
)

// Event categories and statuses.
const (
	CategoryMeeting   = "meeting"
	CategorySummit    = "summit"
	CategoryPhoneCall = "phone_call"
	CategoryCeremony  = "ceremony"
	CategoryOther     = "other"

	StatusOccurred = "occurred"
	StatusPlanned  = "planned"
)

// Article is one input document.
type Article struct {
	Type      string  `json:"type"`
	ID        string  `json:"id"`   // stable: hash of the content
	Path      string  `json:"path"` // input path as given
	Title     *string `json:"title"`
	Published *string `json:"published"` // ISO date, or null
	Language  string  `json:"language"`
	Outlet    string  `json:"outlet,omitempty"`
	URL       string  `json:"url,omitempty"`
	Hash      string  `json:"hash,omitempty"` // sha256 of the bytes read
	Bytes     int     `json:"bytes,omitempty"`
}

// Mention is a span of the input file (byte offsets, end exclusive).
type Mention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Entity is one actor mentioned in one article.
type Entity struct {
	Type     string    `json:"type"`
	Article  string    `json:"article"`
	Kind     string    `json:"kind"`
	Key      string    `json:"key"`
	Name     string    `json:"name"`
	ISO3     string    `json:"iso3,omitempty"`
	Acronym  string    `json:"acronym,omitempty"`
	Country  string    `json:"country,omitempty"` // ISO3 of a person's or place's country
	Office   string    `json:"office,omitempty"`  // office held at the article's date, e.g. "President of China"
	Role     string    `json:"role,omitempty"`    // normalized role of that office
	Resolved bool      `json:"resolved"`
	Mentions []Mention `json:"mentions"`
}

// Source is the sentence of an article that reports an event.
type Source struct {
	Article string `json:"article"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`
}

// Event is one real-world event, merged over all articles that report it.
type Event struct {
	Type                 string   `json:"type"`
	Key                  string   `json:"key"`
	Category             string   `json:"category"`
	Cameo                string   `json:"cameo,omitempty"`
	Date                 *string  `json:"date"`
	DateEnd              *string  `json:"date_end"`
	Place                *string  `json:"place"`
	PlaceKey             string   `json:"place_key,omitempty"`
	Country              *string  `json:"country"`
	Participants         []string `json:"participants"`
	ParticipantKeys      []string `json:"participant_keys,omitempty"`
	ParticipantCountries []string `json:"participant_countries"`
	Host                 string   `json:"host,omitempty"`  // person key
	Guest                string   `json:"guest,omitempty"` // person key
	Organization         *string  `json:"organization"`
	OrganizationKey      string   `json:"organization_key,omitempty"`
	Status               string   `json:"status"`
	Confidence           float64  `json:"confidence"`
	Sources              []Source `json:"sources"`
}

// Claim is a figure an article asserts.
type Claim struct {
	Type        string   `json:"type"`
	Article     string   `json:"article"`
	Kind        string   `json:"kind"` // meeting_count, trade_volume_usd, ...
	Subject     []string `json:"subject"`
	SubjectKeys []string `json:"subject_keys,omitempty"`
	Value       float64  `json:"value"`
	Qualifier   *string  `json:"qualifier"`
	AsOf        *string  `json:"as_of,omitempty"`
	Year        int      `json:"year,omitempty"`
	Start       int      `json:"start"`
	End         int      `json:"end"`
	Text        string   `json:"text"`
}
